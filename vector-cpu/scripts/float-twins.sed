# float64 -> float32: the substitutions that turn each 64-bit source named in gen-float-twins.sh
# into its 32-bit twin. The one list: gen-float-twins.sh runs it with sed -f, and
# GeneratedSourcesTest applies the same lines (as Java regexes) to check the twins are up to date.
s/Dgemm/Sgemm/g
s/dgemm/sgemm/g
s/DoubleVector/FloatVector/g
s/double/float/g
s/Double/Float/g
s/JAVA_DOUBLE/JAVA_FLOAT/g
s/Species\.D\b/Species.F/g
s/float64/float32/g
s/FLOAT64/FLOAT32/g
