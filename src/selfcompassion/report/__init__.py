"""``journal report``: what the journal's figures say about a week of practice.

``periods`` turns the options into the days a report covers, ``stats`` asks the store for
the figures and fills the dataclasses of ``figures``, ``closing`` picks the line a report
ends with and ``schema`` gives the versioned JSON form. The views live in ``render.report``
(drawing) and ``render.report_page`` (what the page says).
"""
