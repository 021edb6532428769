"""`make bench`: gealc's speed, scale and staying-up figures, each measured repeatedly and set
against its budget and against a baseline measured in the same run (a bare Flask route), so a
noisy machine shows in the baseline rather than as a false failure."""
