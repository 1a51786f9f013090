from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

# Unselected selects whose choices depend only on the language, as rendered: (form field, language, attributes) → HTML.
RENDERED_SELECTS = {}
RENDERED_SELECTS_LIMIT = 500


class CompactSelect(forms.Select):
    """A select written in Python rather than through one template per option.

    Django renders every option through templates: the advice form's list of 250 countries took
    three quarters of the page's rendering time. A select whose choices depend only on the language
    (`fixed_choices_key`) is rendered once per language while nothing is selected.
    """

    fixed_choices_key = None

    def render(self, name, value, attrs=None, renderer=None):
        if self.fixed_choices_key is None or value not in (None, ""):
            return self.render_options(name, value, attrs)
        key = (self.fixed_choices_key, get_language(), tuple(sorted(self.build_attrs(self.attrs, attrs).items())))
        html = RENDERED_SELECTS.get(key)
        if html is None:
            if len(RENDERED_SELECTS) >= RENDERED_SELECTS_LIMIT:
                RENDERED_SELECTS.clear()
            html = RENDERED_SELECTS[key] = self.render_options(name, value, attrs)
        return html

    def render_options(self, name, value, attrs):
        widget = self.get_context(name, value, attrs)["widget"]
        groups = []
        for group_name, options, _index in widget["optgroups"]:
            rendered = "".join(
                f'<option value="{escape(option["value"])}"{" selected" if option["selected"] else ""}>{escape(option["label"])}</option>'
                for option in options
            )
            groups.append(f'<optgroup label="{escape(group_name)}">{rendered}</optgroup>' if group_name else rendered)
        return mark_safe(f'<select name="{escape(widget["name"])}"{flatatt(widget["attrs"])}>{"".join(groups)}</select>')


class CompactInputMixin:
    """An input written in Python rather than through Django's two templates per field."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        value_attribute = "" if widget["value"] is None else f' value="{escape(widget["value"])}"'
        return mark_safe(f'<input type="{escape(widget["type"])}" name="{escape(widget["name"])}"{value_attribute}{flatatt(widget["attrs"])}>')


class CompactTextarea(forms.Textarea):
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        return mark_safe(f'<textarea name="{escape(widget["name"])}"{flatatt(widget["attrs"])}>\n{escape(widget["value"] or "")}</textarea>')


COMPACT_INPUTS = {
    widget_class: type(f"Compact{widget_class.__name__}", (CompactInputMixin, widget_class), {})
    for widget_class in (forms.TextInput, forms.EmailInput, forms.URLInput, forms.NumberInput, forms.HiddenInput)
}


def compact_widgets(form, fixed_choices=False):
    """Give the form's plain inputs, text areas and selects the compact rendering.

    fixed_choices: the form's choices depend on nothing but the language, so unselected selects
    may be rendered once per language.
    """
    for name, field in form.fields.items():
        widget_class = type(field.widget)
        if widget_class is forms.Select:
            field.widget.__class__ = CompactSelect
            if fixed_choices:
                field.widget.fixed_choices_key = f"{type(form).__module__}.{type(form).__qualname__}.{name}"
        elif widget_class is forms.Textarea:
            field.widget.__class__ = CompactTextarea
        elif widget_class in COMPACT_INPUTS:
            field.widget.__class__ = COMPACT_INPUTS[widget_class]
