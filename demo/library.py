"""The library's demo content, in English: the page, its topics and resources from CTI's catalogue.

The titles follow CTI's own publications; the summaries are written for the demo, and every file is
a generated sample that says so on its first page. Where only the English edition is known, sample
versions in other languages show the library's language features.
"""

import datetime

from django.core.files.base import ContentFile
from wagtail.models import Locale

from demo.sample_files import sample_pdf
from demo.translation import translate_object
from resources.languages import language_name
from resources.document_forms import library_collection
from resources.models import LibraryDocument, ResourceFile, ResourcePage, Topic
from resources.pdf_text import extract_text

LIBRARY = {
    "title": "Tools and guides",
    "slug": "tools-and-guides",
    "search_description": "CTI's tools and guides on ratifying and implementing the Convention against "
    "Torture, in several languages.",
    "introduction": "The CTI works with expert partners to prepare tools intended to assist officials to "
    "understand and implement the Convention more effectively.",
}

# slug, name: in the order the library's filter offers them
TOPICS = [
    ("ratification", "Ratification"),
    ("implementation", "Implementation"),
    ("criminalisation", "Criminalisation and legislation"),
    ("safeguards", "Safeguards"),
    ("investigations", "Investigations and complaints"),
    ("non-refoulement", "Non-refoulement"),
    ("redress", "Redress and rehabilitation"),
    ("reporting", "Reporting to the Committee"),
    ("policing", "Policing"),
    ("about-cti", "About CTI"),
]

RESOURCES = [
    {
        "slug": "uncat-and-opcat-texts",
        "title": "UNCAT and OPCAT: the texts of the Convention and its Optional Protocol",
        "summary": "The full texts of the Convention against Torture and of its Optional Protocol in one "
        "booklet, for officials preparing ratification or checking national law against the treaty.",
        "kind": "treaty-text",
        "topics": ["ratification"],
        "date": datetime.date(2002, 12, 18),
        "languages": ["en", "ar", "es", "fr", "pt"],
    },
    {
        "slug": "uncat-article-by-article",
        "title": "UNCAT Article-by-Article",
        "summary": "An easy-to-read summary of what each article of the Convention asks of States: the "
        "substantive obligations and safeguards of articles 1 to 16, the Committee against Torture in "
        "articles 17 to 24, and ratification and interpretation in articles 25 to 33.",
        "kind": "guide",
        "topics": ["implementation", "safeguards"],
        "date": datetime.date(2019, 11, 1),
        "languages": ["en", "ar", "es", "fr"],
    },
    {
        "slug": "uncat-explainer",
        "title": "UNCAT Explainer: a guide for States considering ratification",
        "summary": "What ratifying the Convention involves, what it costs and what it brings, answered "
        "for governments weighing the decision.",
        "kind": "guide",
        "topics": ["ratification"],
        "date": datetime.date(2017, 6, 26),
        "languages": ["en", "es", "fr"],
    },
    {
        "slug": "uncat-ratification-tool",
        "title": "UNCAT Ratification Tool",
        "summary": "A step-by-step tool for the ministries involved in ratification, with short briefings "
        "drawn from it on the questions States ask most often.",
        "kind": "tool",
        "topics": ["ratification"],
        "date": datetime.date(2016, 3, 1),
        "languages": ["en", "pt"],
    },
    {
        "slug": "implementation-tool-national-strategies",
        "title": "UNCAT Implementation Tool: national anti-torture strategies and action plans",
        "summary": "How to develop, cost and monitor a national strategy or action plan that turns the "
        "Convention's obligations into concrete measures.",
        "kind": "tool",
        "topics": ["implementation"],
        "date": datetime.date(2019, 3, 1),
        "languages": ["en", "es"],
    },
    {
        "slug": "implementation-tool-police-detention-safeguards",
        "title": "UNCAT Implementation Tool 2/2017: safeguards in the first hours of police detention",
        "summary": "The legal and practical safeguards that protect a detained person when the risk of "
        "torture is highest: notification of custody, access to a lawyer and to a doctor, and records.",
        "kind": "tool",
        "topics": ["safeguards", "policing"],
        "date": datetime.date(2017, 6, 1),
        "languages": ["en", "ar", "fr"],
    },
    {
        "slug": "implementation-tool-complaints-investigations",
        "title": "UNCAT Implementation Tool: complaints and investigations",
        "summary": "How to build complaint mechanisms people trust and conduct prompt, impartial "
        "investigations into allegations of torture and ill-treatment.",
        "kind": "tool",
        "topics": ["investigations"],
        "date": datetime.date(2017, 12, 1),
        "languages": ["en", "fr"],
    },
    {
        "slug": "implementation-tool-non-refoulement",
        "title": "UNCAT Implementation Tool 4/2018: non-refoulement procedures and safeguards",
        "summary": "The procedures that ensure no one is sent to a country where they would face a real "
        "risk of torture, from the first interview to appeal.",
        "kind": "tool",
        "topics": ["non-refoulement", "safeguards"],
        "date": datetime.date(2018, 6, 1),
        "languages": ["en", "ar"],
    },
    {
        "slug": "implementation-tool-extradition",
        "title": "UNCAT Implementation Tool: extradition procedures and safeguards",
        "summary": "How extradition law and practice can respect the absolute ban on returning a person "
        "to torture while still bringing suspects to justice.",
        "kind": "tool",
        "topics": ["non-refoulement"],
        "date": datetime.date(2021, 2, 1),
        "languages": ["en", "es"],
    },
    {
        "slug": "implementation-tool-rehabilitation",
        "title": "UNCAT Implementation Tool: providing rehabilitation to victims and survivors",
        "summary": "What the right to rehabilitation requires of States, and how to provide medical, "
        "psychological, legal and social services to survivors of torture.",
        "kind": "tool",
        "topics": ["redress"],
        "date": datetime.date(2020, 6, 26),
        "languages": ["en", "fr", "pt"],
    },
    {
        "slug": "implementation-tool-reporting",
        "title": "UNCAT Implementation Tool: reporting and follow-up to the UN Committee against Torture",
        "summary": "How to prepare a State report to the Committee against Torture, take part in its "
        "review and follow up its recommendations at home.",
        "kind": "tool",
        "topics": ["reporting"],
        "date": datetime.date(2018, 11, 1),
        "languages": ["en", "fr"],
    },
    {
        "slug": "training-tool-investigative-interviewing",
        "title": "CTI Training Tool 1/2017: investigative interviewing for criminal cases",
        "summary": "A training tool on interviewing victims, witnesses and suspects to gather reliable "
        "information without coercion.",
        "kind": "training-tool",
        "topics": ["investigations", "policing"],
        "date": datetime.date(2017, 9, 1),
        "languages": ["en", "es"],
    },
    {
        "slug": "guide-anti-torture-legislation",
        "title": "Guide on anti-torture legislation",
        "summary": "Prepared with the Association for the Prevention of Torture, this guide helps "
        "lawmakers define and criminalise torture in line with the Convention.",
        "kind": "guide",
        "topics": ["criminalisation"],
        "date": datetime.date(2016, 10, 1),
        "languages": ["en", "fr", "pt"],
    },
    {
        "slug": "police-resource-toolkit",
        "title": "Police Resource Toolkit",
        "summary": "Resource notes prepared with UNODC on stop and search, arrest and safeguards in "
        "police custody, launched on 20 May 2022 at the 31st session of the UN Commission on Crime "
        "Prevention and Criminal Justice.",
        "kind": "toolkit",
        "topics": ["policing", "safeguards"],
        "date": datetime.date(2022, 5, 20),
        "languages": ["en", "ar"],
    },
    {
        "slug": "annual-report-2020",
        "title": "CTI annual report 2020",
        "summary": "The seventh annual report of the Initiative: its work with States during 2020 and "
        "the progress made towards ratification and implementation.",
        "kind": "report",
        "topics": ["about-cti"],
        "date": datetime.date(2021, 4, 1),
        "languages": ["en"],
    },
    {
        "slug": "strategy-2018-2020",
        "title": "CTI strategy 2018–2020",
        "summary": "The Initiative's priorities and ways of working for 2018 to 2020.",
        "kind": "strategy",
        "topics": ["about-cti"],
        "date": datetime.date(2018, 1, 15),
        "languages": ["en", "fr"],
    },
]

# The documents the History page's timeline links to.
RESOURCES += [
    {
        "slug": "launch-op-ed-le-temps",
        "title": "Op-ed by the five Ministers for Foreign Affairs, Le Temps, March 2014",
        "summary": "The launch op-ed of the Convention against Torture Initiative, published in the "
        "Swiss newspaper Le Temps by the Ministers for Foreign Affairs of Chile, Denmark, Ghana, "
        "Indonesia and Morocco.",
        "kind": "statement",
        "topics": ["about-cti"],
        "date": datetime.date(2014, 3, 3),
        "languages": ["fr", "en"],
    },
    {
        "slug": "launch-statement-navi-pillay",
        "title": "Statement by Navi Pillay, High Commissioner for Human Rights, at the launch of the CTI, 3 March 2014",
        "summary": "The statement of the then High Commissioner for Human Rights, Navi Pillay, at "
        "the high-level launch of the CTI during the 25th session of the Human Rights Council.",
        "kind": "statement",
        "topics": ["about-cti"],
        "date": datetime.date(2014, 3, 3),
        "languages": ["en"],
    },
    {
        "slug": "press-release-fiji-joins-core-states",
        "title": "Press release: Fiji joins the CTI Core States, 2019",
        "summary": "The press release announcing that Fiji joined the CTI Core States at the 40th "
        "session of the Human Rights Council in 2019.",
        "kind": "press-release",
        "topics": ["about-cti"],
        "date": datetime.date(2019, 3, 1),
        "languages": ["en", "fr"],
    },
    {
        "slug": "statement-35th-anniversary",
        "title": "Core States' statement on the 35th anniversary of the Convention, 2019",
        "summary": "The statement of the CTI Core States marking the 35th anniversary of the "
        "adoption of the UN Convention against Torture.",
        "kind": "statement",
        "topics": ["about-cti"],
        "date": datetime.date(2019, 12, 10),
        "languages": ["en", "es", "fr"],
    },
]


def load_resources(library_page, overwrite=False):
    """Add the demo topics and resources under the English library page; a second run creates nothing."""
    created = []
    topics = load_topics(created, overwrite)
    collection = library_collection()
    for spec in RESOURCES:
        load_resource(library_page, spec, topics, collection, created, overwrite)
    return created


def load_topics(created, overwrite):
    english = Locale.objects.get(language_code="en")
    topics = {}
    for position, (slug, name) in enumerate(TOPICS):
        topic = Topic.objects.filter(slug=slug, locale=english).first()
        if topic is None or overwrite:
            topic = topic or Topic(slug=slug, locale=english)
            topic.name = name
            topic.sort_order = position
            topic.save()
            created.append(f"topic {name}")
        topics[slug] = topic
    for locale in Locale.objects.exclude(pk=english.pk).order_by("language_code"):
        for topic in topics.values():
            if translate_object(topic, locale, overwrite):
                created.append(f"{locale.language_code}: topic {topic.name}")
    return topics


def sample_document(spec, language, collection, created):
    title = f"{spec['title']} ({language_name(language)})"
    document = LibraryDocument.objects.filter(title=title, language=language).first()
    if document is not None:
        return document
    data = sample_pdf(spec["title"], spec["summary"], language_name(language))
    # The demo's own sample files are read at once, here: no worker needs to run for the demo's search.
    document = LibraryDocument(
        title=title, collection=collection, language=language, description=spec["summary"], text=extract_text(data, "pdf")
    )
    document.file.save(f"{spec['slug']}-{language}.pdf", ContentFile(data), save=False)
    document.save(queue_text_extraction=False)
    created.append(f"document {title}")
    return document


def load_resource(library_page, spec, topics, collection, created, overwrite):
    page = ResourcePage.objects.child_of(library_page).filter(slug=spec["slug"]).first()
    if page is not None and not overwrite:
        return
    is_new = page is None
    page = page or ResourcePage(slug=spec["slug"], locale=library_page.locale, live=False)
    page.title = spec["title"]
    page.summary = spec["summary"]
    page.kind = spec["kind"]
    page.publication_date = spec["date"]
    page.topics = [topics[slug] for slug in spec["topics"]]
    page.files = [
        ResourceFile(document=sample_document(spec, language, collection, created)) for language in spec["languages"]
    ]
    if is_new:
        library_page.add_child(instance=page)
    page.save_revision().publish()
    created.append(f"page {page.url_path}")
