"""How many candidates ingest draws, and from where; `train.py` draws its training pairs the same way."""

SHORT_NEIGHBOURS = 40  # nearest reports within Settings.match_window_days of the event date
LONG_WINDOW_DAYS = 400  # follow-up stories: trials, anniversaries, identified victims
LONG_NEIGHBOURS = 15
ANYTIME_NEIGHBOURS = 2  # the nearest reports at any distance in time: a trial years later, a misread date
LONG_OVERFETCH = 3  # the long window is searched unrestricted, this many times LONG_NEIGHBOURS, then filtered
UNDATED_NEIGHBOURS = 60  # a report without any date: nearest reports, no window
PLACE_EVENTS = 10  # most recent events sharing the normalised place, within the long window
PLACE_REPORTS = 3  # latest reports of each of them
REPORTS_PER_EVENT = 8  # reports of one candidate event compared with the new one
