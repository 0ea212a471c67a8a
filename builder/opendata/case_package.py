"""Building blocks of a CASE package: the shared scope of a specialty, and one package's rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from builder import __version__
from builder.model import scoped_code
from builder.model.dates import first_day
from builder.model.meta import joined
from builder.opendata import ids
from builder.opendata.case_defs import (
    CASE_VERSION,
    ITEM_TYPES,
    LANGUAGE,
    Uris,
    definitions,
    grouping_link,
    item_type_link,
    level_extension,
    link,
)
from builder.opendata.stamps import iso, last_change
from builder.read.config import ProjectConfig
from builder.read.corpus import Loaded, SpecialtySet
from builder.view.levels import vocabulary_of

ADOPTION = {
    "草案": "Private Draft",
    "征求意见稿": "Draft",
    "送审稿": "Draft",
    "报批稿": "Draft",
    "试行": "Adopted",
    "发布": "Adopted",
    "修订中": "Adopted",
    "废止": "Deprecated",
    "被代替": "Deprecated",
}
"""CASE `adoptionStatus` for each 状态; the Chinese status is kept in `extensions.status`."""


@dataclass(slots=True)
class Scope:
    """What one specialty's packages share: node titles for links, and skipped references."""

    code: str
    config: ProjectConfig
    uris: Uris
    education_level: list[str]
    nodes: dict[str, tuple[str, str]] = field(default_factory=dict)  # key → (collection, title)
    skipped: list[str] = field(default_factory=list)
    associations: set[str] = field(default_factory=set)  # keys already written in some package

    def node(self, key: str) -> dict[str, str] | None:
        """LinkGenURI to a known node, None when the key is unknown (a dangling reference)."""
        if key not in self.nodes:
            return None
        collection, title = self.nodes[key]
        identifier = ids.uid(key)
        return {"title": title, "identifier": identifier, "uri": self.uris(collection, identifier)}


class Package:
    """Collects the CFItems, CFAssociations and definitions of one CFPackage."""

    def __init__(self, scope: Scope, doc_key: str, source: Loaded[Any]) -> None:
        self.scope = scope
        self.doc_key = doc_key
        self.source = source
        self.stamp = iso(last_change(source.doc))
        self.items: list[dict[str, Any]] = []
        self.associations: list[dict[str, Any]] = []
        self.item_types: set[str] = set()
        self.groupings: set[str] = set()
        self.levels = False

    def item(
        self,
        key: str,
        type_code: str,
        statement: str,
        *,
        code: str,
        position: int,
        abbreviated: str | None = None,
        notes: str | None = None,
        extensions: dict[str, Any] | None = None,
    ) -> None:
        """Add a CFItem."""
        identifier = ids.uid(key)
        row: dict[str, Any] = {
            "identifier": identifier,
            "uri": self.scope.uris("CFItems", identifier),
            "fullStatement": statement,
            "humanCodingScheme": code,
            "listEnumeration": str(position),
            "CFItemType": ITEM_TYPES[type_code].title,
            "CFItemTypeURI": item_type_link(self.scope.uris, type_code),
            "language": LANGUAGE,
            "lastChangeDateTime": self.stamp,
        }
        if abbreviated:
            row["abbreviatedStatement"] = abbreviated
        if self.scope.education_level:
            row["educationLevel"] = list(self.scope.education_level)
        if notes:
            row["notes"] = notes
        if extensions:
            row["extensions"] = extensions
        self.items.append(row)
        self.item_types.add(type_code)

    def associate(
        self,
        kind: str,
        origin: str,
        destination: str,
        *,
        sequence: int | None = None,
        grouping: str | None = None,
        level: str | None = None,
        where: str = "",
    ) -> None:
        """Add a CFAssociation `origin kind destination`; dangling ends are skipped and noted."""
        key = ids.association_key(kind, origin, destination)
        if key in self.scope.associations:  # e.g. 后续课程 of one = 先修课程 of the other
            return
        start, end = self.scope.node(origin), self.scope.node(destination)
        if start is None or end is None:
            missing = origin if start is None else destination
            self.scope.skipped.append(
                f"{self.source.rel}: {where or kind} 引用的「{missing.rsplit('/', 1)[-1]}」不存在，已跳过"
            )
            return
        self.scope.associations.add(key)
        identifier = ids.uid(key)
        row: dict[str, Any] = {
            "identifier": identifier,
            "uri": self.scope.uris("CFAssociations", identifier),
            "associationType": kind,
            "originNodeURI": start,
            "destinationNodeURI": end,
            "lastChangeDateTime": self.stamp,
        }
        if sequence is not None:
            row["sequenceNumber"] = sequence
        if grouping is not None:
            row["CFAssociationGroupingURI"] = grouping_link(self.scope.uris, grouping)
            self.groupings.add(grouping)
        if level is not None:
            row["extensions"] = level_extension(
                self.scope.uris,
                level,
                self.scope.config,
                "learningLevel",
                vocabulary_of(self.source.doc),
            )
            self.levels = True
        self.associations.append(row)

    def child(self, origin: str, parent: str, sequence: int) -> None:
        """`origin isChildOf parent` with its position among its siblings."""
        self.associate("isChildOf", origin, parent, sequence=sequence)

    def build(self, document: dict[str, Any], subjects: list[tuple[str, str]]) -> dict[str, Any]:
        """The CFPackage as a JSON-ready dict."""
        return {
            "CFDocument": document,
            "CFItems": self.items,
            "CFAssociations": self.associations,
            "CFDefinitions": definitions(
                self.scope.uris,
                self.stamp,
                self.scope.config,
                item_types=self.item_types,
                groupings=self.groupings,
                levels=self.levels,
                subjects=subjects,
            ),
        }


@dataclass(frozen=True, slots=True)
class PackageFile:
    """One package and where it goes, relative to the output directory."""

    name: str
    kind: str
    title: str
    identifier: str
    data: dict[str, Any]
    source: Loaded[Any]
    """The document the package renders (its identity in `builder.base.outputs.Written`)."""


def register(scope: Scope, entry: SpecialtySet) -> None:
    """Titles of every node a link may name, across the specialty's documents."""
    code, nodes = scope.code, scope.nodes
    if entry.specialty is not None:
        standard = entry.specialty.doc
        nodes[ids.document_key(code, "specialty")] = ("CFDocuments", standard.meta.title)
        for spec in standard.specs:
            nodes[ids.spec_key(code, spec.code)] = ("CFItems", f"{spec.code} {spec.text}")
        for planned in standard.courses:
            nodes[ids.course_key(code, planned.code)] = (
                "CFItems",
                f"{planned.code} {planned.name}",
            )
    for listing in entry.competencies[:1]:
        nodes[ids.document_key(code, "competencies")] = ("CFDocuments", listing.doc.meta.title)
        for domain in listing.doc.domains:
            domain_key = ids.domain_key(code, scoped_code(domain.code, domain.scope))
            nodes[domain_key] = ("CFItems", f"{domain.code} {domain.name}")
            for task in domain.tasks:
                task_key = ids.task_key(code, scoped_code(task.code, domain.scope))
                nodes[task_key] = ("CFItems", f"{task.code} {task.name}")
                for comp in task.competencies:
                    comp_key = scoped_code(comp.code, domain.scope, comp.scope)
                    nodes[ids.competency_key(code, comp_key)] = (
                        "CFItems",
                        f"{comp.code} {comp.text}",
                    )
    for course in entry.courses:
        doc = course.doc
        nodes[ids.document_key(code, "course", ids.course_document(doc))] = (
            "CFDocuments",
            doc.meta.title,
        )
        nodes.setdefault(ids.course_key(code, doc.code), ("CFItems", f"{doc.code} {doc.name}"))
        for module in doc.modules:
            nodes[ids.module_key(code, doc.code, module.code)] = (
                "CFItems",
                f"{module.code} {module.name}",
            )
            for content in module.items:
                nodes[ids.content_key(code, doc.code, content.code)] = (
                    "CFItems",
                    f"{content.code} {content.name}",
                )


def document_row(
    scope: Scope, package: Package, key: str, description: str, subjects: list[tuple[str, str]]
) -> dict[str, Any]:
    doc = package.source.doc
    meta = doc.meta
    identifier = ids.uid(key)
    creator = (
        joined(meta.issuer)
        or scope.config.issuer
        or joined(meta.administered_by)
        or joined(meta.proposed_by)
    )
    subject_code, subject_title = subjects[-1]
    extensions: dict[str, Any] = {
        "kind": doc.kind,
        "specialtyCode": scope.code,
        "status": meta.status,
        "generator": f"zhibiao {__version__}",
    }
    applies = getattr(doc, "applies_to", None)
    if applies is not None:  # a course standard shared by several specialties
        del extensions["specialtyCode"]
        extensions["appliesTo"] = {
            "levels": list(applies.levels),
            "specialties": list(applies.specialties),
        }
    for name, value in (
        ("standardNo", meta.standard_no),
        ("docNo", meta.doc_no),
        ("effectiveOn", _iso(meta.effective_on)),
    ):
        if value:
            extensions[name] = value
    row: dict[str, Any] = {
        "identifier": identifier,
        "uri": scope.uris("CFDocuments", identifier),
        "caseVersion": CASE_VERSION,
        "creator": creator or "未注明",
        "title": meta.title,
        "lastChangeDateTime": package.stamp,
        "publisher": scope.config.issuer or creator or "未注明",
        "description": description,
        "subject": [subject_title],
        "subjectURI": [link(scope.uris, "CFSubjects", f"subject/{subject_code}", subject_title)],
        "language": LANGUAGE,
        "version": meta.version,
        "adoptionStatus": ADOPTION[meta.status],
        "extensions": extensions,
    }
    if meta.issued_on is not None:
        row["statusStartDate"] = _iso(meta.issued_on)
    return row


def first_paragraph(text: str) -> str:
    return text.strip().split("\n\n", 1)[0].strip()


def _iso(value: str | None) -> str | None:
    """A CASE date (full-date): partial dates name their first day."""
    day = first_day(value)
    return day.isoformat() if day else None
