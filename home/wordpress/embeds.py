"""Embedded media (YouTube and the like) become links, never players: a video on the practice's
VideoBlock when it is on YouTube or Vimeo, else a paragraph with a link."""

import html
import re
from urllib.parse import parse_qs

from education.blocks import VIDEO_HOSTS

from .links import safe_url, split

# Hosts WordPress embeds from a bare address on its own line, and what to call them.
PROVIDERS = {
    "youtube.com": "YouTube",
    "youtube-nocookie.com": "YouTube",
    "youtu.be": "YouTube",
    "vimeo.com": "Vimeo",
    "dailymotion.com": "Dailymotion",
    "ted.com": "TED",
    "wordpress.tv": "WordPress.tv",
    "videopress.com": "VideoPress",
    "twitter.com": "X (Twitter)",
    "x.com": "X (Twitter)",
    "facebook.com": "Facebook",
    "instagram.com": "Instagram",
    "tiktok.com": "TikTok",
    "spotify.com": "Spotify",
    "soundcloud.com": "SoundCloud",
    "mixcloud.com": "Mixcloud",
    "flickr.com": "Flickr",
    "imgur.com": "Imgur",
    "slideshare.net": "SlideShare",
    "speakerdeck.com": "Speaker Deck",
    "scribd.com": "Scribd",
    "issuu.com": "Issuu",
    "reddit.com": "Reddit",
    "tumblr.com": "Tumblr",
    "pinterest.com": "Pinterest",
}
VIDEO_ID = re.compile(r"^[\w-]{6,20}$")


def provider(url):
    host = split(url).netloc.lower().split(":")[0]
    for domain, name in PROVIDERS.items():
        if host == domain or host.endswith("." + domain):
            return name
    return None


def video_url(url):
    """The address a patient opens for a YouTube or Vimeo video (the watch page, not the
    player), or None for anything else."""
    parts = split(url)
    host = parts.netloc.lower().split(":")[0]
    path = parts.path.strip("/").split("/")
    if host.endswith("youtube-nocookie.com") or host in ("youtube.com", "m.youtube.com"):
        host = "www.youtube.com"
    if host == "www.youtube.com" and len(path) >= 2 and path[0] in ("embed", "shorts", "live"):
        video = path[1]
    elif host == "www.youtube.com":
        video = parse_qs(parts.query).get("v", [""])[0]
    elif host == "youtu.be":
        video = path[0]
    elif host == "player.vimeo.com" and len(path) >= 2 and path[0] == "video":
        return f"https://vimeo.com/{path[1]}" if path[1].isdigit() else None
    elif host in ("vimeo.com", "www.vimeo.com"):
        return f"https://vimeo.com/{'/'.join(path)}" if path and path[-1].isdigit() else None
    else:
        return None
    if not VIDEO_ID.match(video):
        return None
    return f"https://www.youtube.com/watch?v={video}"


def embed_blocks(url, title, allowed):
    """[(block type, value)] for an embed of `url`: a video link, or a linked paragraph."""
    url = safe_url(url)
    if not url or not url.startswith(("http://", "https://")):
        return []
    name = provider(url)
    video = video_url(url)
    if video and "video" in allowed and split(video).netloc in VIDEO_HOSTS:
        title = (title or f"Video on {name}").strip()[:160]
        return [("video", {"url": video, "title": title, "duration": "", "transcript": ""})]
    link = video or url
    text = title or (f"Watch on {name}" if video else f"View on {name or split(url).netloc}")
    return [("paragraph", f'<p><a href="{html.escape(link)}">{html.escape(text)}</a></p>')]
