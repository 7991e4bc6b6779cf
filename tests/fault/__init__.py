"""Issue 18's fuzzing and fault suite: hostile input, SIGKILLs, damaged files, full disks.

`trials.py` says what one attempt ended as; `hostile.py` makes hostile pages and
queries; `kills.py` kills real `python -m reader` processes; `damage.py` damages a
library folder.  The tests here run a fast profile; `python -m tests.fault.campaign
[--long]` runs the same scenarios many more times and prints a table of failures.
"""
