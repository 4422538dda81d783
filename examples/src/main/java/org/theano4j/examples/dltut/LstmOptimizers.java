package org.theano4j.examples.dltut;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.theano4j.Function;
import org.theano4j.FunctionOptions;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.NDArray;

/**
 * lstm.py's optimizers {@code sgd}, {@code adadelta} and {@code rmsprop}: each keeps the minibatch's
 * gradient in shared variables and compiles two functions, {@code f_grad_shared(x, mask, y)}
 * (the cost; stores the gradients and running averages) and {@code f_update(lr)} (moves the parameters).
 */
public final class LstmOptimizers {
    private LstmOptimizers() {
    }

    /** The two compiled functions of an optimizer. */
    public record Step(Function fGradShared, Function fUpdate) {
    }

    /** An optimizer: {@code optimizer(lr, tparams, grads, x, mask, y, cost)}. */
    @FunctionalInterface
    public interface Optimizer {
        /** Builds the optimizer's shared variables and its two functions. */
        Step build(Variable lr, Map<String, SharedVariable> tparams, List<Variable> grads, Variable x, Variable mask,
                Variable y, Variable cost);
    }

    /** Shared zeros shaped like each parameter, named {@code <param>_<suffix>}. */
    private static List<SharedVariable> zerosLike(Map<String, SharedVariable> tparams, String suffix) {
        List<SharedVariable> out = new ArrayList<>();
        tparams.forEach((k, p) -> out.add(Theano.shared(NDArray.zeros(p.dtype(), p.getValue().shape()), k + "_" + suffix)));
        return out;
    }

    /** Plain SGD: {@code p - lr * g}. */
    public static Step sgd(Variable lr, Map<String, SharedVariable> tparams, List<Variable> grads, Variable x, Variable mask,
            Variable y, Variable cost) {
        List<SharedVariable> gshared = zerosLike(tparams, "grad");
        FunctionOptions gsup = Theano.options().name("sgd_f_grad_shared");
        for (int i = 0; i < grads.size(); i++) {
            gsup = gsup.update(gshared.get(i), grads.get(i));
        }
        Function fGradShared = Theano.function(List.of(x, mask, y), cost, gsup);
        FunctionOptions pup = Theano.options().name("sgd_f_update");
        List<SharedVariable> params = List.copyOf(tparams.values());
        for (int i = 0; i < params.size(); i++) {
            pup = pup.update(params.get(i), params.get(i).sub(T.mul(lr, gshared.get(i))));
        }
        return new Step(fGradShared, Theano.function(List.of(lr), List.of(), pup));
    }

    /** Zeiler's ADADELTA, the tutorial's default: step {@code -sqrt(ru2 + 1e-6) / sqrt(rg2 + 1e-6) * g}. */
    public static Step adadelta(Variable lr, Map<String, SharedVariable> tparams, List<Variable> grads, Variable x,
            Variable mask, Variable y, Variable cost) {
        List<SharedVariable> zippedGrads = zerosLike(tparams, "grad");
        List<SharedVariable> runningUp2 = zerosLike(tparams, "rup2");
        List<SharedVariable> runningGrads2 = zerosLike(tparams, "rgrad2");
        FunctionOptions gradUpdates = Theano.options().name("adadelta_f_grad_shared");
        for (int i = 0; i < grads.size(); i++) {
            gradUpdates = gradUpdates.update(zippedGrads.get(i), grads.get(i));
        }
        for (int i = 0; i < grads.size(); i++) {
            SharedVariable rg2 = runningGrads2.get(i);
            gradUpdates = gradUpdates.update(rg2, T.mul(0.95, rg2).add(T.mul(0.05, grads.get(i).pow(2))));
        }
        Function fGradShared = Theano.function(List.of(x, mask, y), cost, gradUpdates);
        List<SharedVariable> params = List.copyOf(tparams.values());
        FunctionOptions ru2up = Theano.options().name("adadelta_f_update");
        List<Variable> updir = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            updir.add(T.neg(T.sqrt(runningUp2.get(i).add(1e-6))).div(T.sqrt(runningGrads2.get(i).add(1e-6)))
                    .mul(zippedGrads.get(i)));
            ru2up = ru2up.update(runningUp2.get(i), T.mul(0.95, runningUp2.get(i)).add(T.mul(0.05, updir.get(i).pow(2))));
        }
        for (int i = 0; i < params.size(); i++) {
            ru2up = ru2up.update(params.get(i), params.get(i).add(updir.get(i)));
        }
        return new Step(fGradShared, Theano.function(List.of(lr), List.of(), ru2up));
    }

    /** RMSprop with momentum (Graves's form): {@code ud = 0.9 ud - 1e-4 g / sqrt(rg2 - rg^2 + 1e-4)}. */
    public static Step rmsprop(Variable lr, Map<String, SharedVariable> tparams, List<Variable> grads, Variable x,
            Variable mask, Variable y, Variable cost) {
        List<SharedVariable> zippedGrads = zerosLike(tparams, "grad");
        List<SharedVariable> runningGrads = zerosLike(tparams, "rgrad");
        List<SharedVariable> runningGrads2 = zerosLike(tparams, "rgrad2");
        FunctionOptions gradUpdates = Theano.options().name("rmsprop_f_grad_shared");
        for (int i = 0; i < grads.size(); i++) {
            gradUpdates = gradUpdates.update(zippedGrads.get(i), grads.get(i));
        }
        for (int i = 0; i < grads.size(); i++) {
            gradUpdates = gradUpdates.update(runningGrads.get(i), T.mul(0.95, runningGrads.get(i)).add(T.mul(0.05, grads.get(i))));
        }
        for (int i = 0; i < grads.size(); i++) {
            SharedVariable rg2 = runningGrads2.get(i);
            gradUpdates = gradUpdates.update(rg2, T.mul(0.95, rg2).add(T.mul(0.05, grads.get(i).pow(2))));
        }
        Function fGradShared = Theano.function(List.of(x, mask, y), cost, gradUpdates);
        List<SharedVariable> updir = zerosLike(tparams, "updir");
        List<SharedVariable> params = List.copyOf(tparams.values());
        FunctionOptions updates = Theano.options().name("rmsprop_f_update");
        List<Variable> updirNew = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Variable rg = runningGrads.get(i);
            updirNew.add(T.mul(0.9, updir.get(i)).sub(T.mul(1e-4, zippedGrads.get(i))
                    .div(T.sqrt(runningGrads2.get(i).sub(rg.pow(2)).add(1e-4)))));
            updates = updates.update(updir.get(i), updirNew.get(i));
        }
        for (int i = 0; i < params.size(); i++) {
            updates = updates.update(params.get(i), params.get(i).add(updirNew.get(i)));
        }
        return new Step(fGradShared, Theano.function(List.of(lr), List.of(), updates));
    }
}
