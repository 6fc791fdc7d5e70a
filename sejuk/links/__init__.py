"""Where the work meets: the incident behind a report, the activities done in response,
and the case page that shows them with the report.

Reports, activities and incidents are siblings that never import one another; this
package sits above them and composes their services. Its URLs join the reports' under
the "reports" namespace (sejuk/urls.py), its API routes the reports' under
``/api/reports``, so addresses and names are the ones a case always had.
"""
