"""Flags and the banner, drawn by code so the demo ships no third-party artwork and fetches nothing."""

import io
import math

from PIL import Image as PILImage
from PIL import ImageDraw

FLAG_SIZE = (600, 400)


def _star(draw, centre, outer, inner, fill, points=5, rotation=-math.pi / 2):
    cx, cy = centre
    vertices = []
    for index in range(points * 2):
        radius = outer if index % 2 == 0 else inner
        angle = rotation + index * math.pi / points
        vertices.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(vertices, fill=fill)


def _pentagram(draw, centre, radius, colour, width):
    cx, cy = centre
    vertices = [
        (cx + radius * math.cos(-math.pi / 2 + k * 4 * math.pi / 5), cy + radius * math.sin(-math.pi / 2 + k * 4 * math.pi / 5))
        for k in range(5)
    ]
    draw.line(vertices + [vertices[0]], fill=colour, width=width, joint="curve")


def chile(draw, w, h):
    draw.rectangle([0, 0, w, h / 2], fill="#ffffff")
    draw.rectangle([0, h / 2, w, h], fill="#d52b1e")
    draw.rectangle([0, 0, h / 2, h / 2], fill="#0039a6")
    _star(draw, (h / 4, h / 4), h / 10, h / 25, "#ffffff")


def denmark(draw, w, h):
    draw.rectangle([0, 0, w, h], fill="#c8102e")
    bar = h / 7
    draw.rectangle([0, h / 2 - bar / 2, w, h / 2 + bar / 2], fill="#ffffff")
    draw.rectangle([h * 3 / 7 - bar / 2 + bar, 0, h * 3 / 7 + bar / 2 + bar, h], fill="#ffffff")


def fiji(draw, w, h):
    draw.rectangle([0, 0, w, h], fill="#68bfe5")
    canton_w, canton_h = w / 2, h / 2
    draw.rectangle([0, 0, canton_w, canton_h], fill="#012169")
    for start, end in (((0, 0), (canton_w, canton_h)), ((0, canton_h), (canton_w, 0))):
        draw.line([start, end], fill="#ffffff", width=int(h / 15))
        draw.line([start, end], fill="#c8102e", width=int(h / 40))
    draw.rectangle([canton_w / 2 - h / 30, 0, canton_w / 2 + h / 30, canton_h], fill="#ffffff")
    draw.rectangle([0, canton_h / 2 - h / 30, canton_w, canton_h / 2 + h / 30], fill="#ffffff")
    draw.rectangle([canton_w / 2 - h / 60, 0, canton_w / 2 + h / 60, canton_h], fill="#c8102e")
    draw.rectangle([0, canton_h / 2 - h / 60, canton_w, canton_h / 2 + h / 60], fill="#c8102e")
    sx, sy, sw, sh = w * 0.62, h * 0.25, w * 0.22, h * 0.45
    draw.rounded_rectangle([sx, sy, sx + sw, sy + sh], radius=sw / 3, fill="#ffffff", outline="#c8102e", width=4)
    draw.rectangle([sx, sy, sx + sw, sy + sh * 0.22], fill="#c8102e")
    draw.line([sx + sw / 2, sy + sh * 0.22, sx + sw / 2, sy + sh], fill="#c8102e", width=5)
    draw.line([sx, sy + sh * 0.55, sx + sw, sy + sh * 0.55], fill="#c8102e", width=5)


def ghana(draw, w, h):
    for index, colour in enumerate(("#ce1126", "#fcd116", "#006b3f")):
        draw.rectangle([0, index * h / 3, w, (index + 1) * h / 3], fill=colour)
    _star(draw, (w / 2, h / 2), h / 7, h / 17, "#000000")


def indonesia(draw, w, h):
    draw.rectangle([0, 0, w, h / 2], fill="#ce1126")
    draw.rectangle([0, h / 2, w, h], fill="#ffffff")


def morocco(draw, w, h):
    draw.rectangle([0, 0, w, h], fill="#c1272d")
    _pentagram(draw, (w / 2, h / 2 + h / 40), h / 4, "#006233", int(h / 40))


FLAG_PAINTERS = {"CL": chile, "DK": denmark, "FJ": fiji, "GH": ghana, "ID": indonesia, "MA": morocco}


def flag_png(country_code):
    image = PILImage.new("RGB", FLAG_SIZE, "#ffffff")
    FLAG_PAINTERS[country_code](ImageDraw.Draw(image), *FLAG_SIZE)
    return _png_bytes(image)


def banner_png(width=2560, height=400):
    """A row of the six flags on the brand colour, like CTI's own "colourful flags" banner."""
    image = PILImage.new("RGB", (width, height), "#073448")
    draw = ImageDraw.Draw(image)
    flag_width, flag_height = 270, 180
    gap = (width - 6 * flag_width) / 7
    for index, code in enumerate(FLAG_PAINTERS):
        flag = PILImage.new("RGB", FLAG_SIZE, "#ffffff")
        FLAG_PAINTERS[code](ImageDraw.Draw(flag), *FLAG_SIZE)
        flag = flag.resize((flag_width, flag_height))
        left = int(gap + index * (flag_width + gap))
        image.paste(flag, (left, (height - flag_height) // 2))
    draw.rectangle([0, height - 12, width, height], fill="#a4161a")
    return _png_bytes(image)


def _png_bytes(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
