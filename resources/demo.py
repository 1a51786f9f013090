"""The library's demo page content, in English."""

LIBRARY = {
    "title": "Tools and guides",
    "slug": "tools-and-guides",
    "search_description": "CTI's tools and guides on ratifying and implementing the Convention against "
    "Torture, in several languages.",
    "introduction": "The CTI works with expert partners to prepare tools intended to assist officials to "
    "understand and implement the Convention more effectively.",
}
