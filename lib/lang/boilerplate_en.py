"""English site boilerplate: lines that are the site talking, not the article.

Read by lib/sources/text.py (boilerplate_spans). Data only.
"""

# Whole lines, compared case-insensitively after trailing punctuation is stripped.
WHOLE_LINES = (
    "advertisement", "advertising", "sponsored", "sponsored content", "share", "tweet", "email",
    "print", "subscribe", "subscribe now", "sign up", "sign in", "log in", "read more", "read next",
    "see also", "related", "most read", "most popular", "copy link", "comments", "accept",
    "accept all", "reject all", "newsletter", "skip to content", "skip to main content",
)

# Regexes matched at the start of a line shorter than 240 characters; specific enough
# that an article sentence ("Subscribers lost…") does not begin with them.
LINE_STARTS = (
    r"unlock\b.{0,80}\bfor free\b",
    r"unlock the\b.{0,80}\bnewsletter\b",
    r"your guide to\b",
    r"sign up (?:for|to)\b",
    r"subscribe (?:to|now|for|today)\b",
    r"(?:get|receive) (?:our|the)\b.{0,60}\b(?:newsletter|alerts?)\b",
    r"already a subscriber",
    r"(?:this (?:article|story|content) is )?(?:for|only for|available to) (?:subscribers|members)(?: only)?\b",
    r"subscribers? only\b",
    r"(?:read|see) (?:more|also|next)\s*:",
    r"related\s*:",
    r"share (?:this|on|via)\b",
    r"(?:we use|this (?:site|website) uses) cookies\b",
    r"(?:accept|manage) (?:all )?cookies\b",
    r"cookie (?:settings|preferences|policy)\b",
    r"all rights reserved\b",
    r"©",
    r"follow us\b",
    r"follow (?:our|the) (?:live|latest)\b",
    r"click here\b",
    r"advertisement\s*[-–:]",
)
