"""numpy.linalg.svd with unique singular vectors, for lstm.py's ortho_weight (dltut_reference.py) and
the oracle of the Java port's SVD (ortho_weight_reference.py). LAPACK's gesdd returns each singular
vector pair with an arbitrary sign; here each column of u is negated when its entry of largest
magnitude (the first such) is negative, and so is the matching row of v (u s v is unchanged)."""
import numpy


def sign_normalised_svd(svd):
    def normalised(a, *args, **kwargs):
        u, s, v = svd(a, *args, **kwargs)
        signs = numpy.sign(u[numpy.argmax(numpy.abs(u), axis=0), numpy.arange(u.shape[1])])
        return u * signs, s, v * signs[:, None]
    return normalised
