## Robust ML (MLR), partial invariance and standardized defined-parameter references for msnb's SEM tests
## (R 4.2.2, lavaan 0.6-14 from Debian's r-cran-lavaan). Run from this folder: Rscript make_robust.R
## Reads ../../../../Notebooks/data/HolzingerSwineford1939.csv and ../lavaan-extra/hs_missing.csv;
## writes the CSVs beside this script (likert.csv is simulated here with a fixed seed).
suppressPackageStartupMessages(library(lavaan))
hs <- read.csv("../../../../Notebooks/data/HolzingerSwineford1939.csv")
hsm <- read.csv("../lavaan-extra/hs_missing.csv")
hs3 <- '
  visual  =~ x1 + x2 + x3
  textual =~ x4 + x5 + x6
  speed   =~ x7 + x8 + x9
'
measures <- c("npar","chisq","df","pvalue","chisq.scaled","df.scaled","pvalue.scaled","chisq.scaling.factor",
              "baseline.chisq","baseline.df","baseline.chisq.scaled","baseline.chisq.scaling.factor",
              "cfi","tli","cfi.scaled","tli.scaled","cfi.robust","tli.robust",
              "rmsea","rmsea.ci.lower","rmsea.ci.upper","rmsea.pvalue",
              "rmsea.scaled","rmsea.robust","rmsea.ci.lower.robust","rmsea.ci.upper.robust",
              "srmr","logl","unrestricted.logl","aic","bic","bic2","ntotal")
write_fit <- function(fit, stem) {
  pe <- parameterEstimates(fit, standardized = TRUE)
  if (is.null(pe$group)) pe$group <- 1L
  if (is.null(pe$label)) pe$label <- ""
  write.csv(pe[, c("lhs","op","rhs","group","label","est","se","std.lv","std.all")], paste0(stem, ".estimates.csv"), row.names = FALSE)
  fm <- suppressWarnings(fitMeasures(fit, measures))
  out <- data.frame(measure = names(fm), value = as.numeric(fm))
  out <- out[!is.na(out$value), ]
  write.csv(out, paste0(stem, ".fit.csv"), row.names = FALSE)
  r2 <- lavInspect(fit, "r2")
  if (!is.list(r2)) r2 <- list(r2)
  rows <- do.call(rbind, lapply(seq_along(r2), function(g) data.frame(group = g, variable = names(r2[[g]]), r2 = as.numeric(r2[[g]]))))
  write.csv(rows, paste0(stem, ".r2.csv"), row.names = FALSE)
}

## (a) MLR: HS complete data, FIML on the 10%-missing copy, two groups with equal loadings.
write_fit(cfa(hs3, data = hs, estimator = "MLR"), "mlr_hs")
write_fit(cfa(hs3, data = hsm, estimator = "MLR", missing = "fiml"), "mlr_fiml")
write_fit(cfa(hs3, data = hs, estimator = "MLR", group = "school", group.equal = "loadings"), "mlr_mg")
## MLR with expected information (lavaan's information = "expected").
write_fit(cfa(hs3, data = hs, estimator = "MLR", information = "expected"), "mlr_hs_expected")

## (b) A skewed 5-point Likert dataset: two correlated factors, three items each, n = 400, thresholds that
## pile answers into the top categories (set.seed(18)).
set.seed(18)
n <- 400
f <- MASS::mvrnorm(n, c(0, 0), matrix(c(1, .4, .4, 1), 2))
lam <- c(.8, .7, .6)
cuts <- c(-2.2, -1.5, -0.7, 0.3)
item <- function(fac, l) as.integer(cut(l * fac + sqrt(1 - l^2) * rnorm(n), c(-Inf, cuts, Inf)))
likert <- data.frame(a1 = item(f[, 1], lam[1]), a2 = item(f[, 1], lam[2]), a3 = item(f[, 1], lam[3]),
                     b1 = item(f[, 2], lam[1]), b2 = item(f[, 2], lam[2]), b3 = item(f[, 2], lam[3]))
write.csv(likert, "likert.csv", row.names = FALSE)
likert_model <- '
  A =~ a1 + a2 + a3
  B =~ b1 + b2 + b3
'
writeLines(likert_model, "likert.model.txt")
write_fit(cfa(likert_model, data = likert, estimator = "MLR"), "mlr_likert")

## (c) Partial invariance by school: scalar invariance with one loading and one intercept freed.
write_fit(cfa(hs3, data = hs, group = "school", group.equal = c("loadings", "intercepts"),
              group.partial = c("visual=~x2", "x7~1")), "partial_scalar")

## (d) Standardized values of := definitions (Bollen's indirect and total effects): parameterEstimates'
## std.lv/std.all and standardizedSolution's est.std for the defined rows.
pd <- read.csv("../../../../Notebooks/data/PoliticalDemocracy.csv")
bfit <- sem(readLines("../lavaan-extra/bollen.model.txt"), data = pd)
pe <- parameterEstimates(bfit, standardized = TRUE)
ss <- standardizedSolution(bfit, type = "std.all")
def <- pe$op == ":="
write.csv(data.frame(lhs = pe$lhs[def], std.lv = pe$std.lv[def], std.all = pe$std.all[def], est.std = ss$est.std[ss$op == ":="]),
          "bollen_defined_std.csv", row.names = FALSE)

## (e) GFI and AGFI (and pgfi) with a mean structure, with groups and under FIML.
gfi_rows <- function(fit, stem) { f <- fitMeasures(fit, c("gfi", "agfi", "pgfi")); data.frame(stem = stem, gfi = f[["gfi"]], agfi = f[["agfi"]], pgfi = f[["pgfi"]]) }
means_model <- readLines("../lavaan-extra/means.model.txt")
write.csv(rbind(gfi_rows(cfa(hs3, data = hs), "hs3"),
                gfi_rows(sem(means_model, data = hs), "means"),
                gfi_rows(cfa(hs3, data = hs, group = "school"), "mg_configural"),
                gfi_rows(cfa(hs3, data = hs, group = "school", group.equal = c("loadings", "intercepts")), "mg_scalar"),
                gfi_rows(cfa(hs3, data = hsm, missing = "fiml"), "fiml")),
          "gfi.csv", row.names = FALSE)

## (f) Savalei's FIML-corrected statistics behind cfi/tli/rmsea.robust under MLR + FIML (lavaan's internal
## lav_fit_fiml_corrected, version "V3" as fitMeasures uses with a scaled test), for HS with missing values.
fimlfit <- cfa(hs3, data = hsm, estimator = "MLR", missing = "fiml")
fc <- unlist(lavaan:::lav_fit_fiml_corrected(fimlfit, version = "V3"))
write.csv(data.frame(measure = names(fc), value = as.numeric(fc)), "mlr_fiml_corrected.csv", row.names = FALSE)

## (g) The skewed Likert items with about 8% of the answers removed completely at random (set.seed(1818)),
## MLR with FIML: the robust indices from the FIML-corrected statistics.
set.seed(1818)
likert_m <- read.csv("likert.csv")
for (v in names(likert_m)) likert_m[runif(nrow(likert_m)) < 0.08, v] <- NA
write.csv(likert_m, "likert_missing.csv", row.names = FALSE, na = "")
write_fit(cfa(likert_model, data = likert_m, estimator = "MLR", missing = "fiml"), "mlr_likert_fiml")
