## Times lavaan on the Holzinger-Swineford CFA (fit + fitMeasures), median of 50 runs, in ms; then, when
## Benchmarks/out/cfa90.csv exists (written by `MSNBench sem-hs`), the simulated 10-factor x 9-indicator CFA
## (90 indicators, 500 rows; same data file as msnb), median of 5 runs.
## Run: Rscript Benchmarks/lavaan_timing.R   (needs r-cran-lavaan)
suppressPackageStartupMessages(library(lavaan))
model <- 'visual =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
speed =~ x7 + x8 + x9'
times <- sapply(1:50, function(i) system.time({ f <- cfa(model, data = HolzingerSwineford1939); fitMeasures(f) })[["elapsed"]])
cat(sprintf("lavaan %s hs_cfa_fit_and_measures_ms: %.1f\n", packageVersion("lavaan"), 1000 * median(times)))
path <- "Benchmarks/out/cfa90.csv"
if (file.exists(path)) {
  d <- read.csv(path)
  spec <- paste(sapply(1:10, function(f) paste0("f", f, " =~ ", paste0("y", (f - 1) * 9 + 1:9, collapse = " + "))), collapse = "\n")
  f <- cfa(spec, data = d)
  cat(sprintf("lavaan cfa90_10x9 chisq: %.4f df: %d iterations: %d\n", fitMeasures(f, "chisq"), as.integer(fitMeasures(f, "df")), lavInspect(f, "iterations")))
  t90 <- sapply(1:5, function(i) system.time({ f <- cfa(spec, data = d); fitMeasures(f) })[["elapsed"]])
  cat(sprintf("lavaan %s cfa90_10x9_fit_and_measures_ms: %.1f\n", packageVersion("lavaan"), 1000 * median(t90)))
}
