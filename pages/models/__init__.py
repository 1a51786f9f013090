from .about import (
    AboutAspiration,
    AboutPage,
    CoreState,
    CoreStatesPage,
    GroupOfFriendsMember,
    GroupOfFriendsPage,
    HistoryEntry,
    HistoryPage,
    OperatingPrinciple,
    OperatingPrinciplesPage,
    SecretariatPage,
    TeamMember,
)
from .base import BasePage
from .help import AssistanceForm, HowCtiCanHelpPage, SecretariatService
from .home import HomePage
from .snippets import FooterContent
from .standard import StandardPage

__all__ = [
    "AboutAspiration",
    "AboutPage",
    "AssistanceForm",
    "BasePage",
    "CoreState",
    "CoreStatesPage",
    "FooterContent",
    "GroupOfFriendsMember",
    "GroupOfFriendsPage",
    "HistoryEntry",
    "HistoryPage",
    "HomePage",
    "HowCtiCanHelpPage",
    "OperatingPrinciple",
    "OperatingPrinciplesPage",
    "SecretariatPage",
    "SecretariatService",
    "StandardPage",
    "TeamMember",
]
