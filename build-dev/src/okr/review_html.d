build-dev/src/okr/review_html.o: src/okr/review_html.c src/core/clock.h \
 src/core/err.h src/core/html.h src/core/buf.h src/okr/review.h \
 src/core/arena.h src/kpi/kpi.h src/kpi/calendar.h src/kpi/dataset.h \
 src/kpi/snapshot.h src/okr/eval.h src/okr/okr.h src/okr/field.h \
 src/okr/progress.h src/store/store.h src/store/stmt.h src/okr/pace.h \
 src/okr/review_int.h
src/core/clock.h:
src/core/err.h:
src/core/html.h:
src/core/buf.h:
src/okr/review.h:
src/core/arena.h:
src/kpi/kpi.h:
src/kpi/calendar.h:
src/kpi/dataset.h:
src/kpi/snapshot.h:
src/okr/eval.h:
src/okr/okr.h:
src/okr/field.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/okr/pace.h:
src/okr/review_int.h:
