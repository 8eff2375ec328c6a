"""Loaded by the Python that runs Ralph for spin-coach's LRS tests (PYTHONPATH).

Ralph's file-system LRS backend (`runserver -b fs`) opens its one statements file
(fs_lrs.jsonl) with the write mode `create`, which refuses a file that exists:
the first POST of statements is stored, every later one answers 500
("Statements bulk indexation failed"). Seen with ralph-malph 4.2.0 to 5.1.0. The
tests need an LRS that takes more than one request, so the fs LRS backend
appends instead. Nothing else of Ralph is changed.
"""

try:
    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.lrs.fs import FSLRSBackend
except ImportError:  # not the Python that runs Ralph (pip, a tool): nothing to do
    pass
else:
    FSLRSBackend.default_operation_type = BaseOperationType.APPEND
