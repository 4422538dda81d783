package org.theano4j.examples.dltut;

import org.theano4j.SharedVariable;
import org.theano4j.Slice;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.examples.data.FashionMnist;
import org.theano4j.tensor.DType;

/**
 * One part of the data in shared variables, as the tutorials' {@code shared_dataset} makes it:
 * the images in a float64 shared matrix, the labels in a float64 shared vector cast to int32
 * ({@code T.cast(shared_y, 'int32')}), so that minibatches are symbolic slices
 * ({@code x[index * batch_size: (index + 1) * batch_size]}) given to the compiled functions.
 *
 * @param x the images, one row per example
 * @param y the labels as int32
 * @param size the number of examples
 */
public record SharedDataset(SharedVariable x, Variable y, int size) {
    /** {@code shared_dataset(data_xy)}: copies a part of the data into shared variables. */
    public static SharedDataset of(FashionMnist.Part part) {
        SharedVariable x = Theano.shared(part.x(), null, true);
        SharedVariable y = Theano.shared(part.y().astype(DType.FLOAT64), null, true);
        return new SharedDataset(x, T.cast(y, DType.INT32), part.size());
    }

    /** The three parts of {@code splits}: train, valid, test (the tutorials' {@code load_data}). */
    public static SharedDataset[] load(FashionMnist.Splits splits) {
        return new SharedDataset[] {of(splits.train()), of(splits.valid()), of(splits.test())};
    }

    /** Rows {@code index * batchSize} to {@code (index + 1) * batchSize} of {@code data}, symbolically. */
    public static Variable batch(Variable data, Variable index, int batchSize) {
        return data.get(Slice.of(index.mul(batchSize), index.add(1).mul(batchSize)));
    }

    /** The number of whole minibatches ({@code size // batch_size}). */
    public int batches(int batchSize) {
        return size / batchSize;
    }
}
