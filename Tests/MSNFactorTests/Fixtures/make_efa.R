# Reference EFA results on the Holzinger-Swineford (1939) tests x1..x9 (Tests/MSNFactorTests).
# Run from this folder: Rscript make_efa.R   (R 4.2.2, psych 2.2.9, GPArotation 2022.10.2)
# Writes efa.json. Every result is normalised the way MSNFactor reports it: each factor's loadings sum
# to a positive number (sign flipped otherwise, with the factor correlations to match) and factors are
# ordered by the variance they explain, largest first.
suppressMessages({ library(psych); library(GPArotation) })
hs <- read.csv("HolzingerSwineford1939.csv")
x <- as.matrix(hs[, paste0("x", 1:9)])
R <- cor(x); n <- nrow(x); k <- 3

# Unrotated solutions, converged tightly.
pa <- fa(R, nfactors = k, n.obs = n, fm = "pa", rotate = "none", min.err = 1e-13, max.iter = 100000, warnings = FALSE)
ml <- factanal(covmat = R, factors = k, n.obs = n, rotation = "none",
               control = list(nstart = 1, lower = 0.005, opt = list(factr = 1, pgtol = 0, maxit = 100000)))
unrot <- list(pa = unclass(pa$loadings)[, 1:k], ml = unclass(ml$loadings)[, 1:k])

rotate <- function(L, how) {
  if (how == "none") return(list(L = L, Phi = diag(k)))
  if (how == "varimax") return(list(L = unclass(varimax(L, normalize = TRUE, eps = 1e-15)$loadings), Phi = diag(k)))
  if (how == "promax") {                      # stats::promax(m = 4) with a tightly converged varimax
    xx <- varimax(L, normalize = TRUE, eps = 1e-15); V <- unclass(xx$loadings)
    Q <- V * abs(V)^3
    U <- lm.fit(V, Q)$coefficients
    d <- diag(solve(t(U) %*% U)); U <- U %*% diag(sqrt(d))
    return(list(L = V %*% U, Phi = solve(t(U) %*% U)))
  }
  if (how == "oblimin") {                     # quartimin (gamma = 0), no Kaiser normalisation
    r <- oblimin(L, eps = 1e-8, maxit = 10000, normalize = FALSE)   # below ~1e-8 the line search stalls in double precision
    return(list(L = unclass(r$loadings), Phi = r$Phi))
  }
}
normalise <- function(L, Phi) {
  s <- sign(colSums(L)); L <- L %*% diag(s); Phi <- diag(s) %*% Phi %*% diag(s)
  ss <- diag(Phi %*% t(L) %*% L); o <- order(-ss)
  list(loadings = unname(L[, o]), phi = unname(Phi[o, o]), ss = unname(ss[o]))
}
out <- list(n = n, correlation = unname(R))
for (m in names(unrot)) for (how in c("none", "varimax", "promax", "oblimin")) {
  r <- rotate(unrot[[m]], how); z <- normalise(r$L, r$Phi)
  z$communality <- unname(diag(r$L %*% r$Phi %*% t(r$L)))
  out[[paste(m, how, sep = "_")]] <- z
}
out$ml_uniqueness <- unname(ml$uniquenesses)
out$ml_statistic <- unname(ml$STATISTIC); out$ml_dof <- unname(ml$dof)
set.seed(1)
par <- fa.parallel(x, fa = "pc", n.iter = 200, plot = FALSE)
out$parallel <- list(observed = par$pc.values, simulated_mean = par$pc.sim, ncomp = par$ncomp)
writeLines(jsonlite::toJSON(out, digits = NA, auto_unbox = TRUE, matrix = "rowmajor"), "efa.json")
