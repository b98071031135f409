#!/usr/bin/python3
"""check.py: reads one diplograph output with rdflib and checks that it
says exactly what the input said.  Used by tests/robust.sh.

    check.py OUTPUT FORMAT TEXT [LABELS [TITLE]]

FORMAT is an rdflib format (turtle, nt, nquads, xml).  TEXT is the article
file: the article's nif:isString must equal its bytes decoded as UTF-8,
and every nif:anchorOf must equal the text between its nif:beginIndex and
nif:endIndex (code points).  LABELS (optional, "-" for none) holds one
expected rdfs:label a line: each must be the label of some subject, byte
for byte.  TITLE (optional) is a file whose content must be the
dcterms:title.  Prints one line per problem and exits 1 if there is any.
"""
import sys

import rdflib
from rdflib.namespace import RDFS

NIF = rdflib.Namespace(
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")


def load(path, fmt):
    if fmt == "nquads":
        ds = rdflib.ConjunctiveGraph()
        ds.parse(path, format="nquads")
        g = rdflib.Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            g.add((s, p, o))
        return g
    g = rdflib.Graph()
    g.parse(path, format=fmt)
    return g


def main(argv):
    out, fmt, text_path = argv[1:4]
    labels_path = argv[4] if len(argv) > 4 else "-"
    title_path = argv[5] if len(argv) > 5 else None
    with open(text_path, "rb") as f:
        text = f.read().decode("utf-8")
    g = load(out, fmt)
    problems = []
    contexts = list(g.objects(None, NIF.isString))
    if len(contexts) != 1 or str(contexts[0]) != text:
        problems.append("nif:isString differs from the text (%d contexts)"
                        % len(contexts))
    for s, anchor in g.subject_objects(NIF.anchorOf):
        b = int(g.value(s, NIF.beginIndex))
        e = int(g.value(s, NIF.endIndex))
        if text[b:e] != str(anchor):
            problems.append("anchor %r at [%d,%d) but the text has %r"
                            % (str(anchor), b, e, text[b:e]))
    if labels_path != "-":
        have = {str(o) for o in g.objects(None, RDFS.label)}
        with open(labels_path, "rb") as f:
            for want in f.read().decode("utf-8").split("\n"):
                if want and want not in have:
                    problems.append("no rdfs:label %r" % want)
    if title_path:
        with open(title_path, "rb") as f:
            want = f.read().decode("utf-8")
        titles = [str(o) for o in g.objects(None, DCT.title)]
        if titles != [want]:
            problems.append("dcterms:title %r, want %r" % (titles, want))
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
