"""Messaging channels: WhatsApp, Telegram and SMS, two-way.

A work sibling: it stores what comes in (raw first), keeps conversations, sends what goes
out through the job runner, and knows no report or activity. Where a message becomes a
report or an activity, the links tier (``sejuk.links.chat``) composes them.
"""
