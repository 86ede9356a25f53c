## The invariance ladder under MLR: lavaan 0.6-14's lavTestLRT (default method for MLR's
## "yuan.bentler.mplus" test: "satorra.bentler.2001") on HS by school, configural/metric/scalar/strict.
## R 4.2.2, lavaan 0.6-14 (Debian's r-cran-lavaan). Run from this folder: Rscript make_scaled_diff.R
suppressPackageStartupMessages(library(lavaan))
hs <- read.csv("../../../../Notebooks/data/HolzingerSwineford1939.csv")
hs3 <- '
  visual  =~ x1 + x2 + x3
  textual =~ x4 + x5 + x6
  speed   =~ x7 + x8 + x9
'
steps <- list(configural = "", metric = "loadings", scalar = c("loadings", "intercepts"),
              strict = c("loadings", "intercepts", "residuals"))
fits <- lapply(steps, function(eq) cfa(hs3, data = hs, group = "school", estimator = "MLR", group.equal = eq))
lrt <- lavTestLRT(fits$configural, fits$metric, fits$scalar, fits$strict)
sf <- sapply(fits, function(f) f@test[[2]]$scaling.factor)
write.csv(data.frame(step = names(steps), chisq = lrt$Chisq, df = lrt$Df, scaling = as.numeric(sf),
                     chisq_diff = lrt$`Chisq diff`, df_diff = lrt$`Df diff`, p = lrt$`Pr(>Chisq)`,
                     method = sub('.*method = .(satorra[.a-z0-9]*).*', '\\1', gsub("\n", " ", attr(lrt, "heading")[1]))),
          "mlr_ladder.lrt.csv", row.names = FALSE)
