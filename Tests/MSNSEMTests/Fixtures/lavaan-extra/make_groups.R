## Multi-group, mean-structure and FIML references for msnb's SEM tests (R 4.2.2, lavaan 0.6-14 from
## Debian's r-cran-lavaan). Run from this folder: Rscript make_groups.R
## Reads ../../../../Notebooks/data/HolzingerSwineford1939.csv; writes the CSVs beside this script.
suppressPackageStartupMessages(library(lavaan))
hs <- read.csv("../../../../Notebooks/data/HolzingerSwineford1939.csv")   # school is character: groups in order of appearance
hs3 <- '
  visual  =~ x1 + x2 + x3
  textual =~ x4 + x5 + x6
  speed   =~ x7 + x8 + x9
'
writeLines(hs3, "hs3.model.txt")
measures <- c("npar","chisq","df","pvalue","baseline.chisq","baseline.df","cfi","tli","rmsea","rmsea.ci.lower",
              "rmsea.ci.upper","rmsea.pvalue","srmr","logl","unrestricted.logl","aic","bic","bic2","ntotal")
write_fit <- function(fit, stem) {
  pe <- parameterEstimates(fit, standardized = TRUE)
  if (is.null(pe$group)) pe$group <- 1L
  if (is.null(pe$label)) pe$label <- ""
  write.csv(pe[, c("lhs","op","rhs","group","label","est","se","std.lv","std.all")], paste0(stem, ".estimates.csv"), row.names = FALSE)
  fm <- fitMeasures(fit, measures)
  out <- data.frame(measure = names(fm), value = as.numeric(fm))
  sg <- lavInspect(fit, "test")$standard$stat.group
  if (length(sg) > 1) out <- rbind(out, data.frame(measure = paste0("chisq.group", seq_along(sg)), value = sg))
  write.csv(out, paste0(stem, ".fit.csv"), row.names = FALSE)
  r2 <- lavInspect(fit, "r2")
  if (!is.list(r2)) r2 <- list(r2)
  rows <- do.call(rbind, lapply(seq_along(r2), function(g) data.frame(group = g, variable = names(r2[[g]]), r2 = as.numeric(r2[[g]]))))
  write.csv(rows, paste0(stem, ".r2.csv"), row.names = FALSE)
}

## (a) Measurement-invariance ladder by school.
steps <- list(configural = "", metric = "loadings", scalar = c("loadings","intercepts"),
              strict = c("loadings","intercepts","residuals"))
fits <- list()
for (s in names(steps)) {
  fits[[s]] <- cfa(hs3, data = hs, group = "school", group.equal = steps[[s]])
  write_fit(fits[[s]], paste0("mg_", s))
}
writeLines(lavInspect(fits$configural, "group.label"), "mg_group_labels.txt")
## Modification indices by group (cross-loadings and residual covariances) for configural and metric.
for (s in c("configural", "metric")) {
  mi <- modindices(fits[[s]])
  mi <- mi[mi$op %in% c("=~", "~~"), c("lhs","op","rhs","group","mi","epc","sepc.all")]
  write.csv(mi, paste0("mg_", s, ".mi.csv"), row.names = FALSE)
}
lrt <- lavTestLRT(fits$configural, fits$metric, fits$scalar, fits$strict)
write.csv(data.frame(step = names(steps), df = lrt$Df, aic = lrt$AIC, bic = lrt$BIC, chisq = lrt$Chisq,
                     chisq_diff = lrt[["Chisq diff"]], df_diff = lrt[["Df diff"]], p = lrt[["Pr(>Chisq)"]]),
          "mg_ladder.lrt.csv", row.names = FALSE)
## The remaining group.equal keywords, on a model with a structural path.
hs_paths <- paste(hs3, '  speed ~ visual + textual\n')
writeLines(hs_paths, "hs_paths.model.txt")
write_fit(cfa(hs_paths, data = hs, group = "school"), "mg_paths_configural")
write_fit(cfa(hs_paths, data = hs, group = "school",
              group.equal = c("loadings","intercepts","means","lv.variances","lv.covariances","regressions","residual.covariances")),
          "mg_paths_equal")
## std.lv with equal loadings frees the latent variances in the second group.
write_fit(cfa(hs3, data = hs, group = "school", group.equal = "loadings", std.lv = TRUE), "mg_metric_std_lv")

## (b) FIML: a copy of the data with about 10% of each indicator set missing (set.seed(1); 30 rows per column).
set.seed(1)
hsm <- hs
for (v in paste0("x", 1:9)) hsm[sample(nrow(hsm), 30), v] <- NA
stopifnot(all(rowSums(!is.na(hsm[, paste0("x", 1:9)])) > 0))
write.csv(hsm, "hs_missing.csv", row.names = FALSE, na = "")
write_fit(cfa(hs3, data = hsm, missing = "fiml"), "fiml")
write_fit(cfa(hs3, data = hsm, missing = "fiml", group = "school", group.equal = "loadings"), "fiml_mg")

## (c) Single group with intercepts in the syntax: latent means free with a fixed marker intercept,
## two intercepts held equal by a label; and a regression on an exogenous observed covariate (fixed.x).
means_model <- '
  visual  =~ x1 + x2 + x3
  textual =~ x4 + x5 + x6
  visual ~ 1
  textual ~ 1
  x1 ~ 0*1
  x4 ~ 0*1
  x2 ~ b*1
  x3 ~ b*1
'
writeLines(means_model, "means.model.txt")
write_fit(sem(means_model, data = hs), "means")
exo_model <- '
  visual =~ x1 + x2 + x3
  visual ~ ageyr
  x1 ~ 1
'
writeLines(exo_model, "exo.model.txt")
write_fit(sem(exo_model, data = hs), "exo")
## The regression on an exogenous covariate under FIML (ageyr is complete; x1–x3 have missing values).
write_fit(sem(exo_model, data = hsm, missing = "fiml"), "exo_fiml")
