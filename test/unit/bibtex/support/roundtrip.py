"""Parse a .bib file with an independent BibTeX parser (bibtexparser) and de-escape its fields with an
independent LaTeX reader (pylatexenc). Reads JSON {"bib": str, "sources": {key: {...}}} on stdin, where
sources holds the metadata each entry was made from; writes JSON with, per entry, the raw fields and
both sides de-escaped the same way, so the caller can compare them.
Needs Debian's python3-bibtexparser and python3-pylatexenc."""
import json
import re
import sys

import bibtexparser
from bibtexparser.bparser import BibTexParser
from pylatexenc.latex2text import LatexNodes2Text

to_text = LatexNodes2Text(math_mode='text').latex_to_text


def literal_specials(s):
    """arXiv metadata means a bare % & # _ outside math literally ('%PCSA', 'Design & Optimization',
    'HealthNLP_Retrievers'), while TeX would read them as comment, alignment, parameter and subscript.
    Escape them before reading the source, so the expected text is what a reader of arXiv sees."""
    parts = re.split(r'(\$[^$]*\$)', s)
    return ''.join(p if p.startswith('$') and len(p) > 1 else re.sub(r'(?<!\\)([%&#_])', r'\\\1', p) for p in parts)


def split_authors(value):
    """BibTeX's own rule: split on 'and' between spaces at brace depth 0."""
    names, depth, start, i = [], 0, 0, 0
    low = value.lower()
    while i < len(value):
        c = value[i]
        if c == '{':
            depth += 1
        elif c == '}':
            depth -= 1
        elif depth == 0 and low.startswith(' and ', i):
            names.append(value[start:i])
            i += 5
            start = i
            continue
        i += 1
    names.append(value[start:])
    return [n.strip() for n in names if n.strip()]


def main():
    data = json.load(sys.stdin)
    parser = BibTexParser(common_strings=False)
    parser.ignore_nonstandard_types = False
    db = bibtexparser.loads(data['bib'], parser=parser)
    out = []
    for e in db.entries:
        src = data['sources'].get(e['ID'], {})
        out.append({
            'key': e['ID'],
            'type': e['ENTRYTYPE'],
            'raw': {k: v for k, v in e.items() if k not in ('ID', 'ENTRYTYPE')},
            'title': to_text(e.get('title', '')),
            'expectedTitle': to_text(literal_specials(src.get('title', ''))),
            'authors': [to_text(a) for a in split_authors(e.get('author', ''))],
            'expectedAuthors': src.get('authors', []),  # Unicode already (the feed parser decodes TeX)
            'journal': to_text(e.get('journal', e.get('note'))) if 'journal' in e or 'note' in e else None,
            'expectedJournal': to_text(literal_specials(src['journalRef'])) if src.get('journalRef') else None,
        })
    json.dump({'entries': out, 'comments': len(db.comments), 'preambles': len(db.preambles)}, sys.stdout)


main()
