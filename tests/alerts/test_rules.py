"""How a person receives each rule: their choice or their role's default, never below
what their role must receive."""

from __future__ import annotations

from sejuk.alerts import rules


def test_a_bhabinkamtibmas_hears_of_their_desa_at_once_without_choosing():
    assert rules.effective(["bhabinkamtibmas"], rules.KEJADIAN_BERAT, {}) == rules.NOW


def test_a_choice_below_the_role_minimum_is_raised_to_it():
    chosen = {rules.DARURAT: rules.OFF}
    assert rules.effective(["operator"], rules.DARURAT, chosen) == rules.APP
    assert rules.OFF not in dict(rules.choices(["operator"], rules.DARURAT))


def test_a_rule_the_role_need_not_receive_can_be_switched_off():
    chosen = {rules.LONJAKAN: rules.OFF}
    assert rules.effective(["pimpinan"], rules.LONJAKAN, chosen) == rules.OFF
    assert rules.OFF in dict(rules.choices(["pimpinan"], rules.LONJAKAN))


def test_humas_and_administrators_receive_no_alerts():
    for rule in rules.RULES:
        assert rules.effective(["humas", "admin"], rule, {rule: rules.NOW}) == rules.OFF


def test_several_roles_take_the_highest_default_and_minimum():
    roles = ["pimpinan", "operator"]
    assert rules.effective(roles, rules.TERLAMBAT, {}) == rules.NOW
    assert rules.minimum(roles, rules.NAIK_RAWAN) == rules.APP
