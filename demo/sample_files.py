"""Small sample PDF files for the demo library, which say on their first page that they are samples."""

from fpdf import FPDF

SAMPLE_NOTICE = "Sample file for the demo site: replace it with the published document"


def sample_pdf(title, summary, language_name="English"):
    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_author("Convention against Torture Initiative")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.set_text_color(164, 22, 26)
    pdf.multi_cell(0, 7, _latin1(SAMPLE_NOTICE))
    pdf.ln(6)
    pdf.set_text_color(7, 52, 72)
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 9, _latin1(title))
    pdf.ln(4)
    pdf.set_text_color(27, 31, 36)
    pdf.set_font("Helvetica", "", 12)
    pdf.multi_cell(0, 6, _latin1(summary))
    pdf.ln(4)
    pdf.set_font("Helvetica", "I", 10)
    pdf.multi_cell(0, 6, _latin1(f"Language of the published document: {language_name}"))
    return bytes(pdf.output())


def _latin1(text):
    """The PDF core fonts cover Latin-1 only; typographic punctuation is folded to its plain form."""
    folded = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}))
    return folded.encode("latin-1", "replace").decode("latin-1")
