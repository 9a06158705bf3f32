build-dev/src/okr/close.o: src/okr/close.c src/core/clock.h \
 src/core/err.h src/core/parse.h src/kpi/load.h src/kpi/snapshot.h \
 src/kpi/dataset.h src/store/store.h src/store/stmt.h src/okr/close.h \
 src/core/arena.h src/okr/field.h src/core/buf.h src/okr/okr.h \
 src/okr/progress.h src/okr/eval.h src/okr/pace.h src/okr/kpilink.h \
 src/kpi/kpi.h src/kpi/calendar.h src/okr/review.h src/okr/wsyaml.h
src/core/clock.h:
src/core/err.h:
src/core/parse.h:
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
src/okr/eval.h:
src/okr/pace.h:
src/okr/kpilink.h:
src/kpi/kpi.h:
src/kpi/calendar.h:
src/okr/review.h:
src/okr/wsyaml.h:
