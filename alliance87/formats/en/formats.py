"""Input formats of the English pages.

The Hub's English pages serve readers from every region, as French and
Spanish pages do, and in the French and Spanish formats 30/04/2027 is the
30th of April. Django's "en" formats (American) read 04/30/2027 and refuse
30/04/2027, so the English pages take the day-first input formats of
Django's "en_GB" instead: one order of day and month in every language.
Django adds ISO 8601 (2027-04-30) to every language's input formats. Only
the input formats change here: dates are still shown as Django's "en"
shows them.
"""

DATE_INPUT_FORMATS = [
    "%d/%m/%Y",  # '25/10/2006'
    "%d/%m/%y",  # '25/10/06'
    "%d %B %Y",  # '25 October 2006'
    "%d %b %Y",  # '25 Oct 2006'
]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M:%S",  # '25/10/2006 14:30:59'
    "%d/%m/%Y %H:%M:%S.%f",  # '25/10/2006 14:30:59.000200'
    "%d/%m/%Y %H:%M",  # '25/10/2006 14:30'
    "%d/%m/%y %H:%M:%S",  # '25/10/06 14:30:59'
    "%d/%m/%y %H:%M:%S.%f",  # '25/10/06 14:30:59.000200'
    "%d/%m/%y %H:%M",  # '25/10/06 14:30'
]
