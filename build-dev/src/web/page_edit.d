build-dev/src/web/page_edit.o: src/web/page_edit.c src/core/html.h \
 src/core/buf.h src/core/err.h src/okr/user.h src/core/arena.h \
 src/okr/okr.h src/okr/field.h src/okr/progress.h src/store/store.h \
 src/store/stmt.h src/web/auth.h src/web/http.h src/web/page.h \
 src/okr/eval.h src/okr/pace.h src/web/i18n.h
src/core/html.h:
src/core/buf.h:
src/core/err.h:
src/okr/user.h:
src/core/arena.h:
src/okr/okr.h:
src/okr/field.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/web/auth.h:
src/web/http.h:
src/web/page.h:
src/okr/eval.h:
src/okr/pace.h:
src/web/i18n.h:
