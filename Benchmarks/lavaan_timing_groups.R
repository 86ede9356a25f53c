## Times lavaan on the Holzinger-Swineford CFA by school (configural and scalar) and with FIML on the copy with
## 10% missing (Notebooks/data/hs_missing.csv), fit + fitMeasures, median of 30 runs, in ms.
## Run from the repository root: Rscript Benchmarks/lavaan_timing_groups.R   (needs r-cran-lavaan)
suppressPackageStartupMessages(library(lavaan))
hs <- read.csv("Notebooks/data/HolzingerSwineford1939.csv")
hm <- read.csv("Notebooks/data/hs_missing.csv")
model <- 'visual =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
speed =~ x7 + x8 + x9'
ms <- function(run) 1000 * median(sapply(1:30, function(i) system.time(run())[["elapsed"]]))
v <- packageVersion("lavaan")
cat(sprintf("lavaan %s hs_cfa_by_school_configural_ms: %.1f\n", v,
            ms(function() fitMeasures(cfa(model, data = hs, group = "school")))))
cat(sprintf("lavaan %s hs_cfa_by_school_scalar_ms: %.1f\n", v,
            ms(function() fitMeasures(cfa(model, data = hs, group = "school", group.equal = c("loadings", "intercepts"))))))
cat(sprintf("lavaan %s hs_cfa_fiml_ms: %.1f\n", v,
            ms(function() fitMeasures(cfa(model, data = hm, missing = "fiml")))))
