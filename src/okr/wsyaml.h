/*
 * wsyaml.h: reading one YAML document with the position of every node,
 * for the workspace file (private to okr/wsfile.c).
 *
 * A struct wsy holds the loaded document, an arena for what is read from
 * it, and where errors go.  Every error these functions report is
 * ERR_INVAL with a message "PATH:LINE:COLUMN: WHERE: WHAT", WHERE naming
 * the place in the file as "objectives[2].key_results[0].baseline".
 * Scalars become entity fields only through field_set(), so the values a
 * file may hold are exactly those the command line takes.
 *
 * Null: a plain empty scalar, ~, null, Null or NULL is a field left
 * unset; any quoted scalar is text.  Nodes carry no types: "52" and 52
 * are both the text 52, which field_set then reads as the field's type.
 *
 * Ownership: the document and the arena belong to the struct wsy, until
 * wsy_release(); nodes and strings returned point into them.
 */
#ifndef OKR_WSYAML_H
#define OKR_WSYAML_H

#include <stddef.h>
#include <stdio.h>

#include <yaml.h>

#include "core/arena.h"
#include "core/err.h"
#include "okr/field.h"

struct wsy {
	const char	*path;		/* for messages */
	yaml_document_t	 doc;
	struct arena	 a;		/* what is read from the document */
	struct err	*e;		/* never NULL */
};

/* Load the one document of in; a second document is an error. */
enum err_code	wsy_load(struct wsy *, FILE *in);
void		wsy_release(struct wsy *);

/* The root node, or NULL for an empty document. */
yaml_node_t	*wsy_root(struct wsy *);
yaml_node_t	*wsy_node(struct wsy *, int index);
size_t		 wsy_line(const yaml_node_t *);
int		 wsy_isnull(const yaml_node_t *);

/* ERR_INVAL "PATH:LINE:COLUMN: MESSAGE" at node n. */
enum err_code	wsy_fail(struct wsy *, const yaml_node_t *n,
		    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/*
 * Place the error a field or okr/ function left in y->e at node n under
 * where: "PATH:L:C: where.baseline: ..." when the message starts with the
 * field it names, else "PATH:L:C: where: ..." (where NULL: neither).
 * Errors about the content (not found, exists, conflict) become ERR_INVAL;
 * memory and store errors keep their code and message.
 */
enum err_code	wsy_wrap(struct wsy *, const yaml_node_t *n,
		    const char *where, enum err_code);
enum err_code	wsy_nomem(struct wsy *);

/* The value node of key name in mapping n, or n itself when absent. */
const yaml_node_t *wsy_at(struct wsy *, const yaml_node_t *n,
		    const char *name);
/* "section[i]", from the arena. */
const char	*wsy_item(struct wsy *, const char *section, size_t i);

/* The items of list n; NULL (absent) or a null is an empty list. */
enum err_code	wsy_list(struct wsy *, const yaml_node_t *n,
		    const char *where, yaml_node_item_t **items,
		    size_t *count);
/* The text of scalar n, NULL for a null; where.name names it. */
enum err_code	wsy_scalar(struct wsy *, const yaml_node_t *n,
		    const char *where, const char *name, const char **out);
/*
 * Read the mapping n into obj: every key must be a settable field of tab
 * (tab may be NULL) or one of the NULL-terminated extra, and appear once.
 * Field values go through field_set, a null clearing the field; the value
 * nodes of extra keys go to extrav in the order of extra (NULL if absent).
 */
enum err_code	wsy_map(struct wsy *, const yaml_node_t *n, const char *where,
		    const struct field_def *tab, void *obj,
		    const char *const *extra, yaml_node_t **extrav);
/*
 * Every required field of obj is set, the identity (the first field)
 * first.  An unset choice is left to the okr/ layer, which may infer it
 * (a key result's kind from its numbers).
 */
enum err_code	wsy_required(struct wsy *, const yaml_node_t *n,
		    const char *where, const struct field_def *tab,
		    const void *obj);

#endif /* OKR_WSYAML_H */
