"""
First-party page-view statistics: page views per page and day, distinct visitors per day.

Counted only while the visitor's cookie decision allows statistics (`request.consent`, from the
consent app), shown to staff in admin as "Sidevisninger". No third-party scripts.
"""
