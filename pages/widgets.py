from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import mark_safe


class CompactSelect(forms.Select):
    """A select written in Python rather than through one template per option.

    Django renders every option through templates: the advice form's list of 250 countries took
    three quarters of the page's rendering time.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        groups = []
        for group_name, options, _index in widget["optgroups"]:
            rendered = "".join(
                f'<option value="{escape(option["value"])}"{" selected" if option["selected"] else ""}>{escape(option["label"])}</option>'
                for option in options
            )
            groups.append(f'<optgroup label="{escape(group_name)}">{rendered}</optgroup>' if group_name else rendered)
        return mark_safe(f'<select name="{escape(widget["name"])}"{flatatt(widget["attrs"])}>{"".join(groups)}</select>')


def compact_selects(form):
    """Give every plain select of the form the compact rendering."""
    for field in form.fields.values():
        if type(field.widget) is forms.Select:
            field.widget.__class__ = CompactSelect
