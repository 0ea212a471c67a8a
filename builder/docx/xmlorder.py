"""Child elements in the order ECMA-376 requires: every hand-written property goes through here.

Most WordprocessingML property elements (`w:pPr`, `w:rPr`, `w:tblPr`, `w:sectPr`, …) are
`xsd:sequence`s: a child in the wrong place, or a second copy of a child the sequence allows
once, is "unreadable content" to Microsoft Word (which then offers to repair the file) even
where LibreOffice forgives it. The sequences below are those of the transitional schema
(ECMA-376 Part 4, wml.xsd; clause numbers of Part 1 in the comments). `insert` puts a new
child after every sibling that precedes it in the sequence, `replace` first removes the
element's namesakes (for children that may occur once), `sort` reorders an existing parent.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_SCHEMA_LIBRARY = "{http://schemas.openxmlformats.org/schemaLibrary/2006/main}"


def _ranks(*sequences: str) -> dict[str, int]:
    """Rank of each child tag of the space-separated `sequences`, in order; names joined by
    "|" form a choice and share a rank; `w:` is implied unless a name is in Clark form."""
    ranks: dict[str, int] = {}
    for index, group in enumerate(" ".join(sequences).split()):
        for name in group.split("|"):
            ranks[name if name.startswith("{") else qn(f"w:{name}")] = index
    return ranks


_PPR_BASE = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
    "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle"
)
_RPR_BASE = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
    "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
)
_TBLPR_BASE = (
    "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription"
)
_TCPR_BASE = (
    "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText "
    "vAlign hideMark headers"
)
_TRPR_BASE = (
    "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader "
    "tblCellSpacing jc hidden"
)
_SETTINGS = (
    "writeProtection view zoom removePersonalInformation removeDateAndTime "
    "doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText "
    "printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts "
    "saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges "
    "bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors "
    "hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate "
    "linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView "
    "trackRevisions doNotTrackMoves doNotTrackFormatting documentProtection "
    "autoFormatOverride styleLockTheme styleLockQFSet defaultTabStop autoHyphenation "
    "consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps showEnvelope summaryLength "
    "clickAndTypeStyle defaultTableStyle evenAndOddHeaders bookFoldRevPrinting "
    "bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing "
    "drawingGridVerticalSpacing displayHorizontalDrawingGridEvery "
    "displayVerticalDrawingGridEvery doNotUseMarginsForDrawingGridOrigin "
    "drawingGridHorizontalOrigin drawingGridVerticalOrigin doNotShadeFormData "
    "noPunctuationKerning characterSpacingControl printTwoOnOne strictFirstAndLastChars "
    "noLineBreaksAfter noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema "
    "saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText doNotDemarcateInvalidXml "
    "saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags alwaysMergeEmptyNamespace "
    "updateFields hdrShapeDefaults footnotePr endnotePr compat docVars rsids"
)
_SETTINGS_TAIL = (
    "attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats "
    "doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown smartTagType"
)

SEQUENCES: dict[str, dict[str, int]] = {
    # §17.3.1.26 pPr (CT_PPr = CT_PPrBase + rPr, sectPr, pPrChange)
    qn("w:pPr"): _ranks(_PPR_BASE, "rPr sectPr pPrChange"),
    # §17.3.2.28 rPr (EG_RPrBase + rPrChange); the paragraph mark's rPr starts with ins/del/…
    qn("w:rPr"): _ranks("ins|del|moveFrom|moveTo", _RPR_BASE, "rPrChange"),
    # §17.4.60 tblPr
    qn("w:tblPr"): _ranks(_TBLPR_BASE, "tblPrChange"),
    # §17.4.70 tcPr
    qn("w:tcPr"): _ranks(_TCPR_BASE, "cellIns|cellDel|cellMerge tcPrChange"),
    # §17.4.82 trPr: CT_TrPrBase is a choice, any order is valid; this one is Word's
    qn("w:trPr"): _ranks(_TRPR_BASE, "ins del trPrChange"),
    # §17.6.17 sectPr: header and footer references (a choice) first
    qn("w:sectPr"): _ranks(
        "headerReference|footerReference",
        (
            "footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType pgNumType cols "
            "formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid "
            "printerSettings sectPrChange"
        ),
    ),
    # §17.7.4.17 style
    qn("w:style"): _ranks(
        "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden "
        "unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr rPr "
        "tblPr trPr tcPr tblStylePr"
    ),
    # §17.8.3.10 font (font table)
    qn("w:font"): _ranks(
        "altName panose1 charset family notTrueType pitch sig embedRegular embedBold "
        "embedItalic embedBoldItalic"
    ),
    # §17.3.1.24 pBdr
    qn("w:pBdr"): _ranks("top left bottom right between bar"),
    # §17.4.38 tblBorders, §17.4.42 tblCellMar
    qn("w:tblBorders"): _ranks("top left|start bottom right|end insideH insideV"),
    qn("w:tblCellMar"): _ranks("top left|start bottom right|end"),
    # §17.15.1.78 settings
    qn("w:settings"): _ranks(
        _SETTINGS,
        f"{_MATH}mathPr",
        _SETTINGS_TAIL,
        f"{_SCHEMA_LIBRARY}schemaLibrary",
        "shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator",
    ),
}
"""Per parent element (Clark name), the rank of each child the transitional schema allows."""

_LAST = 1 << 30
"""Rank of a child the table does not know (extensions such as w14:*): after the known ones."""


def _ranking(parent: Any) -> dict[str, int]:
    ranks = SEQUENCES.get(parent.tag)
    if ranks is None:
        raise KeyError(f"no schema sequence for <{parent.tag}>")
    return ranks


def insert(parent: Any, child: Any) -> Any:
    """Insert `child` into `parent` where the schema sequence puts it; returns `child`.

    It goes after every sibling of the same or an earlier rank, before the first later one.
    A tag the sequence does not allow raises `ValueError` (a programming error here).
    """
    ranks = _ranking(parent)
    rank = ranks.get(child.tag)
    if rank is None:
        raise ValueError(f"<{child.tag}> is not a child of <{parent.tag}> in ECMA-376")
    for sibling in parent:
        if ranks.get(sibling.tag, _LAST) > rank:
            sibling.addprevious(child)
            return child
    parent.append(child)
    return child


def replace(parent: Any, child: Any) -> Any:
    """Insert `child` in schema order after removing every existing element with its tag."""
    for old in parent.findall(child.tag):
        parent.remove(old)
    return insert(parent, child)


def get_or_insert(parent: Any, tag: str) -> Any:
    """The first `tag` child of `parent` (e.g. "w:pBdr"), inserted in order when missing."""
    found = parent.find(qn(tag))
    return found if found is not None else insert(parent, OxmlElement(tag))


def element(tag: str, **attributes: str) -> Any:
    """A new `w:` element with `w:` attributes: element("w:jc", val="center")."""
    made = OxmlElement(tag)
    for key, value in attributes.items():
        made.set(qn(f"w:{key}"), value)
    return made


def sort(parent: Any) -> None:
    """Reorder the children of `parent` into schema order (stable; unknown tags last)."""
    ranks = _ranking(parent)
    children = list(parent)
    ordered = sorted(children, key=lambda child: ranks.get(child.tag, _LAST))
    if ordered != children:
        for child in children:
            parent.remove(child)
        parent.extend(ordered)
