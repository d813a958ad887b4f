"""The three reports of PRODUCT.md's worked example, written for the tests."""

WORKED_EXAMPLE_REPORTS = [
    {
        "id": "mayadeen-1",
        "source": "deirezzor24.net",
        "source_type": "local",
        "title": "Suicide car bomb hits police station in al-Mayadeen",
        "text": (
            "A suicide car bomb hit a police station in al-Mayadeen, in Syria's Deir Ezzor governorate, late "
            "Monday, killing at least five people and wounding several others. No group has claimed "
            "responsibility, but ISIS is believed to be behind the attack.\n\n"
            "A day earlier, a raid in Aleppo killed three ISIS members. On Tuesday security forces arrested "
            "12 ISIS suspects in a sweep."
        ),
        "published_at": "2026-03-03",
    },
    {
        "id": "sana-8812",
        "source": "SANA",
        "source_type": "state_media",
        "title": "Three security officers killed in terrorist car bombing in al-Mayadeen",
        "text": (
            "Three security officers were killed and several were wounded when a terrorist car bomb exploded "
            "at a police station in al-Mayadeen, Deir Ezzor, on Monday."
        ),
        "published_at": "2026-03-03",
    },
    {
        "id": "wire-20260304-017",
        "source": "Wire Service",
        "source_type": "wire",
        "title": "Toll from al-Mayadeen car bombing rises to seven; ISIS claims attack",
        "text": (
            "The toll from Monday's suicide car bombing of a police station in al-Mayadeen, Deir Ezzor, rose to "
            "seven, a local official said on Wednesday. ISIS claimed the bombing through its Amaq news agency."
        ),
        "published_at": "2026-03-04",
    },
]
