"""The client's content brief (shared/seeds), placed page by page, in English.

Rich text may link to a page of the demo tree or a resource of the library with `{page:KEY}` (a
resource's key is its slug); the loader turns it into a Wagtail link once the target exists.
"""

import datetime

FOOTER = {
    "about_text": "An inter-governmental initiative to strengthen institutions, policies and practices "
    "and reduce the risks of torture and ill-treatment by applying the UN Convention against Torture.",
    "contact_heading": "CTI Secretariat",
    "address": "Convention against Torture Initiative\nGeneva, Switzerland",
    "email": "info@cti2024.org",
    "phone": "",
    "credits": "",
}

HOME = {
    "title": "Convention against Torture Initiative",
    "slug": "home",
    "seo_title": "Convention against Torture Initiative (CTI)",
    "search_description": "An inter-governmental initiative helping States to ratify and implement the "
    "UN Convention against Torture.",
    "introduction": "An inter-governmental initiative to strengthen institutions, policies and practices "
    "and reduce the risks of torture and ill-treatment by applying the UN Convention against Torture",
    "mission_heading": "Our mission",
    "body": [
        (
            "paragraph",
            "<p>The adoption of the UN Convention against Torture (UNCAT) in 1984, was a landmark in the "
            "global fight against torture and ill-treatment. The Convention underlines a fundamental "
            "principle: Torture is never, under any circumstances, justified.</p>",
        ),
        (
            "call_to_action",
            {
                "heading": "Need advice?",
                "text": "The CTI’s expert team provides one-on-one technical advice to governments and "
                "national institutions responding confidentially to technical queries on a wide range of issues.",
                "page": "{page:advice-hub}",
                "label": "Advice hub",
            },
        ),
    ],
}

ABOUT = {
    "title": "About CTI",
    "slug": "about",
    "search_description": "What the Convention against Torture Initiative is, what it aspires to, and who "
    "leads and supports it.",
    "introduction": "An inter-governmental initiative to strengthen institutions, policies and practices "
    "and reduce the risks of torture and ill-treatment by applying the UN Convention against Torture",
    "body": [
        (
            "paragraph",
            "<p>The adoption of the UN Convention against Torture (UNCAT) in 1984, was a landmark in the "
            "global fight against torture and ill-treatment. The Convention underlines a fundamental "
            "principle: Torture is never, under any circumstances, justified.</p>"
            "<p>Galvanized by the persistence and entrenchment use of torture and ill-treatment in many "
            "countries, the Convention against Torture Initiative – CTI – is an innovative, joint "
            "collaboration between States for States, focusing on making the UNCAT universally ratified "
            "and better implemented by 2024.</p>"
            "<p>The CTI is a long-term engagement to help States overcome obstacles in ratifying and "
            "implementing the Convention based on the philosophy of constructive (“no name, no shame”) "
            "dialogue, sharing of good practices and State experiences, and inspiring each other to better "
            "performance across the board. Through strong partnerships and inter State cooperation, CTI is "
            "providing coordinated and sustained support through legal and technical advice and "
            "assistance.</p>"
            "<p>CTI supports governments in overcoming particular challenges standing in the way of UNCAT "
            "implementation such as gaps in resource, human capacity and technical expertise. CTI’s "
            "capacity building and other support packages are geared for ODA-recipient countries.</p>"
            "<h2>Core States</h2>"
            "<p>CTI is being spearheaded by the Governments of Chile, Denmark, Fiji, Ghana, Indonesia and "
            "Morocco, supported by a full-time Secretariat, based in Geneva. The six CTI Core States "
            "leading the initiative are engaged through their direct bilateral and multilateral diplomacy, "
            "as well as through sharing and exchanging on national practices and challenges with other "
            "governments by hosting and participating in various activities.</p>"
            '<p><a href="{page:core-states}">Learn more about the CTI Core States here</a>.</p>'
            "<h2>Secretariat</h2>"
            "<p>The CTI Secretariat provides policy and strategic advice to the CTI Core States and "
            "delivers an annual programme of activities providing capacity building and technical advice.</p>"
            '<p><a href="{page:secretariat}">Learn more about the CTI Secretariat here</a>.</p>'
            "<h2>Group of Friends</h2>"
            "<p>The CTI’s work is encouraged and bolstered through our Group of Friends, a network-based "
            "cooperation allowing for the exchange of knowledge, experience and ideas regarding how best "
            "to overcome obstacles to full implementation of UNCAT.</p>"
            '<p><a href="{page:group-of-friends}">Learn more about the CTI Group of Friends and how to join '
            "here</a>.</p>",
        ),
        (
            "call_to_action",
            {
                "heading": "Need advice?",
                "text": "The CTI’s expert team provides one-on-one technical advice to governments and "
                "national institutions responding confidentially to technical queries on a wide range of issues.",
                "page": "{page:advice-hub}",
                "label": "Advice hub",
            },
        ),
    ],
    "aspirations_heading": "At CTI, we aspire to strengthen institutions, policies and practices for "
    "dignified and rule-based governance and to reduce and prevent the risks of torture and "
    "ill-treatment through:",
    "aspirations": [
        "dialogue and exchange",
        "technical assistance; capacity-building support and institution-strengthening",
        "sharing evidence-based recommendations, expert advice and best practices",
        "developing, compiling and translating practical examples, experiences, tools, resources and other material",
        "convening seminars, conferences and workshops",
        "hosting information and knowledge dissemination and awareness raising",
    ],
    "resolution_quote": "The General Assembly, welcomes and acknowledges the work of the Convention against "
    "Torture Initiative, launched in March 2014 on the thirtieth anniversary of the adoption of the "
    "Convention, to achieve the universal ratification and improved implementation of the Convention by 2021",
    "resolution_citation": "UN General Assembly resolution A/RES/74/143 of 2019",
    "partner_heading": "Strategic partner",
    "partner_text": "<p>The Association for the Prevention of Torture (APT) is a strategic partner of the "
    "CTI, collaborating and advising the CTI on many of its activities.</p>",
}

CORE_STATES = {
    "title": "Core States",
    "slug": "core-states",
    "search_description": "Chile, Denmark, Fiji, Ghana, Indonesia and Morocco lead the Convention against "
    "Torture Initiative.",
    "introduction": "CTI is being spearheaded by the Governments of Chile, Denmark, Fiji, Ghana, Indonesia "
    "and Morocco, supported by a full-time Secretariat, based in Geneva.",
    "body": [
        (
            "paragraph",
            "<p>The six CTI Core States leading the initiative are engaged through their direct bilateral "
            "and multilateral diplomacy, as well as through sharing and exchanging on national practices "
            "and challenges with other governments by hosting and participating in various activities.</p>",
        ),
    ],
    "states": [
        {
            "country_code": "CL",
            "name": "Chile",
            "year_joined": 2014,
            "text": "Chile is one of the five States whose Foreign Ministers launched the CTI on 3 March 2014.",
        },
        {
            "country_code": "DK",
            "name": "Denmark",
            "year_joined": 2014,
            "text": "Denmark is one of the five States whose Foreign Ministers launched the CTI on 3 March 2014.",
        },
        {
            "country_code": "FJ",
            "name": "Fiji",
            "year_joined": 2019,
            "text": "Fiji joined the CTI Core States at the 40th session of the Human Rights Council in 2019, "
            "driving ratification and implementation in the Pacific and beyond.",
        },
        {
            "country_code": "GH",
            "name": "Ghana",
            "year_joined": 2014,
            "text": "Ghana is one of the five States whose Foreign Ministers launched the CTI on 3 March 2014.",
        },
        {
            "country_code": "ID",
            "name": "Indonesia",
            "year_joined": 2014,
            "text": "Indonesia is one of the five States whose Foreign Ministers launched the CTI on 3 March 2014.",
        },
        {
            "country_code": "MA",
            "name": "Morocco",
            "year_joined": 2014,
            "text": "Morocco is one of the five States whose Foreign Ministers launched the CTI on 3 March 2014.",
        },
    ],
}

SECRETARIAT = {
    "title": "Secretariat",
    "slug": "secretariat",
    "search_description": "The CTI Secretariat in Geneva advises the Core States and runs CTI’s programme "
    "of activities.",
    "introduction": "The CTI Secretariat provides policy and strategic advice to the CTI Core States and "
    "delivers an annual programme of activities providing capacity building and technical advice.",
    "body": [
        (
            "paragraph",
            "<p>The Secretariat works full time from Geneva. It organises the regional meetings, study "
            "visits, country visits and high-level events of the initiative, prepares its tools and "
            "guides, and answers States’ technical queries through the "
            '<a href="{page:advice-hub}">advice hub</a>.</p>',
        ),
    ],
    "team": [
        {
            "role": "Head of the Secretariat",
            "biography": "Leads the Secretariat and advises the Core States on the strategy of the initiative.",
        },
        {
            "role": "Legal adviser",
            "biography": "Answers technical queries on ratification and implementation and prepares "
            "the tools and guides.",
        },
        {
            "role": "Programme and communications officer",
            "biography": "Organises meetings, visits and events, and looks after the website and the library.",
        },
    ],
    "contact_address": "Convention against Torture Initiative\nGeneva, Switzerland",
    "contact_email": "info@cti2024.org",
}

GROUP_OF_FRIENDS = {
    "title": "Group of Friends",
    "slug": "group-of-friends",
    "search_description": "The CTI Group of Friends: States that support the initiative and how to join them.",
    "introduction": "The CTI’s work is encouraged and bolstered through our Group of Friends, a "
    "network-based cooperation allowing for the exchange of knowledge, experience and ideas regarding "
    "how best to overcome obstacles to full implementation of UNCAT.",
    "members_heading": "Members",
    "members": [],
    "how_to_join_heading": "How to join",
    "how_to_join": "<p>Any United Nations Member State that shares the aims of the initiative can join the "
    "Group of Friends. Members take part in CTI’s meetings in Geneva and New York and share their "
    "experience of ratifying and implementing the Convention with other States.</p>"
    '<p>To join, write to the <a href="{page:secretariat}">CTI Secretariat</a>, which will be glad '
    "to explain what membership involves.</p>",
}

OPERATING_PRINCIPLES = {
    "title": "Operating principles",
    "slug": "operating-principles",
    "search_description": "CTI is constructive, twinning and inspirational.",
    "introduction": "To reach its goal and objectives, CTI works by a principled framework of action "
    "consisting of three fundamental principles:",
    "principles": [
        {
            "name": "Constructive",
            "description": "CTI takes a constructive approach to the drive for ratification and "
            "implementation of UNCAT. We do not “name and shame.” Instead, we offer practical support and "
            "advice to governments in their efforts to ratify and implement the Convention.",
        },
        {
            "name": "Twinning",
            "description": "CTI is an initiative by and for equal government partners, encouraging the "
            "exchange of states experiences and knowledge and learning from others faced with similar challenges.",
        },
        {
            "name": "Inspirational",
            "description": "CTI will inspire, facilitate and motivate. Inspire countries by exposing "
            "them to the experience of other countries; facilitate by creating a platform for informal "
            "meetings with experts and through the development of useful tools and motivate by "
            "highlighting – in the UN and to the public – government efforts to ratify and implement the Convention.",
        },
    ],
}

HISTORY = {
    "title": "History",
    "slug": "history",
    "search_description": "How the Convention against Torture Initiative began in 2014 and how it has grown.",
    "introduction": "In launching the CTI in March 2014, the Governments of Chile, Denmark, Ghana, "
    "Indonesia and Morocco appealed to fellow United Nations Member States the need to protect all "
    "persons from torture and ill-treatment – in all parts of the world. To do so would require new "
    "thinking, constructive collaboration and shared responsibilities.",
    "body": [
        (
            "paragraph",
            '<p><a href="{page:treaty-status}">See where every State stands on the Convention today</a>.</p>',
        ),
    ],
    "entries": [
        {
            "date": datetime.date(2014, 3, 3),
            "date_precision": "day",
            "title": "Launch at the 25th session of the Human Rights Council",
            "text": "<p>Based on this vision and marking the 30th anniversary of the adoption of the UNCAT, "
            "the Foreign Ministers of Chile, Denmark, Ghana, Indonesia and Morocco launched the Convention "
            "against Torture Initiative – the CTI – on 3 March 2014 at a high level meeting during the 25th "
            "session of the Human Rights Council in Geneva.</p>"
            '<p><a href="{page:launch-op-ed-le-temps}">Find the launch documents here</a>: an op-ed was '
            "issued in Swiss newspaper Le Temps by the five Ministers for Foreign Affairs.</p>"
            '<p><a href="{page:launch-statement-navi-pillay}">Read former High Commissioner for Human Rights, Navi Pillay’s '
            "statement at the launch on 3 March 2014 here</a>.</p>",
        },
        {
            "date": datetime.date(2019, 3, 1),
            "date_precision": "month",
            "title": "Fiji joins the Core States at the 40th session of the Human Rights Council",
            "text": "<p>At the 40th session of the Human Rights Council – and at the half-way milestone of "
            "the CTI and the 35th year of the Convention – Fiji joined the CTI Core States, driving "
            "ratification and implementation in the Pacific and beyond.</p>"
            '<p><a href="{page:press-release-fiji-joins-core-states}">Read the press release of Fiji joining the Core States '
            "in 2019 here</a>.</p>",
        },
        {
            "date": datetime.date(2019, 12, 10),
            "date_precision": "day",
            "title": "35th anniversary of the Convention",
            "text": '<p><a href="{page:statement-35th-anniversary}">Read the Core States’ statement on the 35th '
            "anniversary of the Convention here</a>.</p>",
        },
        {
            "date": datetime.date(2019, 12, 18),
            "date_precision": "day",
            "title": "The General Assembly welcomes the work of the CTI",
            "text": "<p>In resolution A/RES/74/143, the United Nations General Assembly welcomes and "
            "acknowledges the work of the Convention against Torture Initiative.</p>",
        },
    ],
}

TREATY_STATUS = {
    "title": "Where States stand on the Convention",
    "slug": "treaty-status",
    "search_description": "Which UN Member States are party to the Convention against Torture and its Optional "
    "Protocol, which have signed them, and which are still to ratify, region by region.",
    "introduction": "Every UN Member State’s status under the Convention against Torture and its Optional "
    "Protocol: which States are party, which have signed, and which are still to ratify.",
    "body": [
        (
            "paragraph",
            "<h2>About these figures</h2>"
            "<p>The status of each State comes from the United Nations Treaty Collection, as compiled in June "
            "2022, and the CTI Secretariat corrects and updates it as it checks each State.</p>"
            "<p>For most States the table gives the year they became party, not the day, and does not yet say "
            "whether they ratified, acceded or succeeded. States that are party to the Convention but are not "
            "Members of the United Nations, such as the Holy See and the State of Palestine, are not listed.</p>"
            '<p>If you see a mistake, please <a href="{page:advice-hub}">tell the CTI Secretariat</a>.</p>',
        ),
    ],
}

HOW_CTI_CAN_HELP = {
    "title": "How CTI can help",
    "slug": "how-cti-can-help",
    "search_description": "Regional meetings, study visits, country visits, high-level events, tools and "
    "guides, and the Secretariat’s help desk.",
    "introduction": "There are a number of ways that the CTI can assist States. This includes States that "
    "are considering ratification and those that have already ratified but want help to implement the "
    "Convention more effectively.",
    "assistance_heading": "Forms of assistance",
    "assistance_forms": [
        {
            "title": "Regional meetings",
            "text": "<p>As a cross-regional initiative, CTI sees the advantages of regional and sub-regional "
            "exchanges between States that share legal traditions, practical similarities and friendship. "
            "Annually the CTI works with national counterparts to arrange a number of peer-to-peer "
            "government dialogues on themes of relevance to States in a region. These confidential "
            "meetings offer a unique opportunity for States to share experiences on the challenges and "
            "opportunities provided by ratification and implementation of the Convention with a view to "
            "building strong relationships between States at regional level.</p>",
        },
        {
            "title": "Study visits",
            "text": "<p>The CTI can arrange “study visits” to Geneva for delegations from non-States-parties "
            "to the Convention who have shown an interest in learning more about what it means to be a "
            "State party. The visits generally consist of expert briefings on the Convention, meetings "
            "with high level UN and other Government officials, including the UN Committee against "
            "Torture, to explain and share views, and there are opportunities to observe a session of the "
            "Committee against Torture in their review of a State party report and the State party’s "
            "replies.</p>",
        },
        {
            "title": "Country diplomatic and/or technical visits",
            "text": "<p>CTI carries out a number of high-level diplomatic and/or technical delegation visits "
            "each year to States to provide assistance on a range of issues relating to ratification and "
            "implementation of the Convention. A seminar with national stakeholders may be included in "
            "such a visit. Visits are tailored to the needs and wishes of the individual Government, and "
            "are not used to lobby or pressure. The CTI will work in close partnership with the State in "
            "question to meet its exact needs.</p>",
        },
        {
            "title": "High-level UN and regional events",
            "text": "<p>The CTI holds regular meetings at the UN Human Rights Council in Geneva and the UN "
            "General Assembly in New York, and also at regional fora. Through these meetings, the CTI "
            "brings together States and torture prevention experts to discuss progress and opportunities "
            "for increased ratification and better implementation of the Convention.</p>",
        },
        {
            "title": "Tools and guides",
            "text": "<p>The CTI works with expert partners to prepare "
            '<a href="{page:tools-and-guides}">tools</a> intended to assist officials to understand and '
            "implement the Convention more effectively.</p>"
            '<p><a href="{page:tools-and-guides}">Non-English language versions of these documents are '
            "available here</a>.</p>",
        },
    ],
    "services_heading": "The CTI Secretariat is also available to support States through:",
    "services": [
        {
            "title": "A remote help desk",
            "text": "Responding to technical queries relating to ratification or implementation of the Convention.",
        },
        {
            "title": "A referral service",
            "text": "Connecting State requests for technical advice and support with appropriate partners "
            "and friends if the CTI is not best placed to support or advise.",
        },
        {
            "title": "Partnering",
            "text": "With a diverse range of partners and experts – CTI will keep up dated with the most "
            "latest knowledge, analysis and expertise relevant to the prohibition and prevention of torture "
            "and ill-treatment.",
        },
    ],
    "body": [
        (
            "paragraph",
            "<p>Is your State party to the Convention, or to its Optional Protocol? "
            '<a href="{page:treaty-status}">See where every State stands, region by region</a>.</p>',
        ),
    ],
    "closing_text": "<p>If you believe you could benefit from participating in any of the above activities "
    "or you have a suggestion for another useful tool or guide, please "
    '<a href="{page:advice-hub}">contact the CTI Secretariat</a>.</p>',
}
