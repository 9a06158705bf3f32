build-dev/src/okr/review.o: src/okr/review.c src/core/clock.h \
 src/core/err.h src/kpi/load.h src/kpi/snapshot.h src/kpi/dataset.h \
 src/store/store.h src/store/stmt.h src/okr/close.h src/core/arena.h \
 src/okr/field.h src/core/buf.h src/okr/okr.h src/okr/progress.h \
 src/okr/evaljson.h src/kpi/kpi.h src/kpi/calendar.h src/okr/eval.h \
 src/okr/pace.h src/okr/kpilink.h src/okr/review.h src/okr/review_int.h
src/core/clock.h:
src/core/err.h:
src/kpi/load.h:
src/kpi/snapshot.h:
src/kpi/dataset.h:
src/store/store.h:
src/store/stmt.h:
src/okr/close.h:
src/core/arena.h:
src/okr/field.h:
src/core/buf.h:
src/okr/okr.h:
src/okr/progress.h:
src/okr/evaljson.h:
src/kpi/kpi.h:
src/kpi/calendar.h:
src/okr/eval.h:
src/okr/pace.h:
src/okr/kpilink.h:
src/okr/review.h:
src/okr/review_int.h:
