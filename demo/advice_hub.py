"""The advice hub's demo page content, in English (translations live with the pages app's catalogues)."""

ADVICE_HUB = {
    "title": "Advice hub",
    "slug": "advice-hub",
    "search_description": "Send a confidential technical query to the CTI Secretariat's help desk.",
    "introduction": "The CTI’s expert team provides one-on-one technical advice to governments and "
    "national institutions responding confidentially to technical queries on a wide range of issues.",
    "privacy_notice": "<p>Your query is read only by the staff of the CTI Secretariat. We use your details "
    "to answer you and, with your agreement, to refer your query to a partner better placed to help. "
    "We keep closed queries for two years and then delete them.</p>",
}
