/*
 * example.c: the smallest program on libdiplograph, as a library user
 * writes it: load the lexicons, extract one article given on the command
 * line as text, and print its graph as N-Triples.
 *
 *   cc example.c $(pkg-config --cflags --libs diplograph) -o example
 *   ./example /usr/local/share/diplograph/lexicon "Text of the article."
 *
 * Ownership follows diplograph.h: the lexicon, graph, graph IRI and the
 * N-Triples buffer are the caller's and are freed here.
 */
#include <diplograph.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prints the library's diagnostics as "example: WHERE: MESSAGE". */
static void print_diag(void *ctx, dg_status st, const char *where,
                       const char *message)
{
    (void)ctx;
    (void)st;
    fprintf(stderr, "example: %s: %s\n", where ? where : "-", message);
}

int main(int argc, char **argv)
{
    dg_lexicon *lex = NULL;
    dg_graph *g = NULL;
    dg_article art;
    char *graph_iri = NULL, *nt = NULL;
    size_t len = 0;
    int rc = 1;

    if (argc != 3) {
        fprintf(stderr, "usage: example LEXICON_DIR TEXT\n");
        return 2;
    }
    memset(&art, 0, sizeof art);
    art.name = "argument";
    art.text = argv[2];
    art.len = strlen(argv[2]);
    if (dg_lexicon_load(argv[1], &lex, print_diag, NULL) != DG_OK ||
        !(g = dg_graph_new()) ||
        dg_extract(lex, NULL, &art, g, &graph_iri, print_diag, NULL) != DG_OK ||
        dg_serialize_ntriples(g, 0, dg_graph_size(g), &nt, &len) != DG_OK)
        goto out;
    printf("# graph <%s>: %zu triples\n", graph_iri, dg_graph_size(g));
    fwrite(nt, 1, len, stdout);
    rc = fflush(stdout) != 0;
out:
    free(nt);
    free(graph_iri);
    dg_graph_free(g);
    dg_lexicon_free(lex);
    return rc;
}
