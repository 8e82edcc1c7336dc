#!/usr/bin/env python3
"""Reads a built site's reviews.ics and feed.xml with independent parsers
(icalendar, feedparser) and prints what they understood as JSON, for the
Swift tests to compare with what protosite meant to write."""
import json
import sys

import feedparser
import icalendar

site = sys.argv[1]
with open(f"{site}/reviews.ics", "rb") as handle:
    calendar = icalendar.Calendar.from_ical(handle.read())
events = []
for event in calendar.walk("VEVENT"):
    events.append({
        "uid": str(event.get("uid")),
        "summary": str(event.get("summary")),
        "description": str(event.get("description")),
        "start": event.decoded("dtstart").isoformat(),
        "end": event.decoded("dtend").isoformat(),
    })
feed = feedparser.parse(f"{site}/feed.xml")
print(json.dumps({
    "calendar_name": str(calendar.get("x-wr-calname")),
    "events": events,
    "feed_bozo": bool(feed.bozo),
    "feed_bozo_exception": str(feed.get("bozo_exception", "")),
    "feed_title": feed.feed.get("title"),
    "entries": [{"title": e.get("title"), "id": e.get("id"), "updated": e.get("updated"), "link": e.get("link"), "summary": e.get("summary")} for e in feed.entries],
}))
