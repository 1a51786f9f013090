from .documents import LibraryDocument
from .library import ResourceLibraryPage
from .resource import ResourceFile, ResourceKind, ResourcePage
from .topics import Topic

__all__ = ["LibraryDocument", "ResourceFile", "ResourceKind", "ResourceLibraryPage", "ResourcePage", "Topic"]
