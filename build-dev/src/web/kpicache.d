build-dev/src/web/kpicache.o: src/web/kpicache.c src/kpi/load.h \
 src/core/err.h src/kpi/snapshot.h src/kpi/dataset.h src/store/store.h \
 src/store/stmt.h src/web/kpicache.h src/okr/okr.h src/core/arena.h \
 src/okr/field.h src/core/buf.h src/okr/progress.h
src/kpi/load.h:
src/core/err.h:
src/kpi/snapshot.h:
src/kpi/dataset.h:
src/store/store.h:
src/store/stmt.h:
src/web/kpicache.h:
src/okr/okr.h:
src/core/arena.h:
src/okr/field.h:
src/core/buf.h:
src/okr/progress.h:
