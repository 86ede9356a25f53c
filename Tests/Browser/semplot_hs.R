# Reference drawing for docs/language.md's path-diagram notes: semPlot's tree layout of the
# Holzinger–Swineford CFA (R 4.2, lavaan 0.6-14, semPlot 1.1.6 from Debian: apt-get install r-cran-semplot).
# Run: Rscript Tests/Browser/semplot_hs.R (writes /tmp/pl/semplot-hs.png). Not part of the test suite.
library(lavaan); library(semPlot)
fit <- cfa('visual =~ x1 + x2 + x3
 textual =~ x4 + x5 + x6
 speed =~ x7 + x8 + x9', data = HolzingerSwineford1939)
png('/tmp/pl/semplot-hs.png', width = 800, height = 500)
semPaths(fit, "std", layout = "tree", edge.label.cex = 1.1, sizeMan = 6)
invisible(dev.off())
cat(packageVersion("semPlot") |> as.character(), "\n")
