/**
 * Saved functions (Theano's pickled functions): {@link org.theano4j.persist.FunctionFile} writes a
 * compiled function's optimized graph, inputs, outputs, updates, options and shared state to a
 * versioned zip and reads it back (see {@code docs/function-file-format.md}). Ops and their
 * parameters are written by one generic codec over public records and enums; a module registers
 * the packages it lets files name with a {@link org.theano4j.persist.CodecProvider}, and objects
 * that are not data records save through a {@link org.theano4j.persist.Persistable} form.
 */
package org.theano4j.persist;
