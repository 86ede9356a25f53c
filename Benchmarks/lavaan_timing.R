## Times lavaan on the Holzinger-Swineford CFA (fit + fitMeasures), median of 50 runs, in ms.
## Run: Rscript Benchmarks/lavaan_timing.R   (needs r-cran-lavaan)
suppressPackageStartupMessages(library(lavaan))
model <- 'visual =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
speed =~ x7 + x8 + x9'
times <- sapply(1:50, function(i) system.time({ f <- cfa(model, data = HolzingerSwineford1939); fitMeasures(f) })[["elapsed"]])
cat(sprintf("lavaan %s hs_cfa_fit_and_measures_ms: %.1f\n", packageVersion("lavaan"), 1000 * median(times)))
