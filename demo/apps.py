from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content `make run` loads and its commands; no other app imports this one."""

    name = "demo"
