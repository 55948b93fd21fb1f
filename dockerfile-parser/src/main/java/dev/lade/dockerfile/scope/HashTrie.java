package dev.lade.dockerfile.scope;

import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * An immutable map from names to values, stored as a hash array mapped trie: a changed copy
 * shares everything but the path to the changed entry with the original, so setting a name costs
 * O(log n) instead of a copy of the whole map. A stage keeps the variables in effect at every one
 * of its instructions; with full copies, n ENV lines would cost O(n²) time and memory.
 *
 * <p>Each level of the trie takes 5 bits of the name's hash; names whose hashes are equal share a
 * collision node. Iteration order is unspecified.
 *
 * @param <V> the values
 */
final class HashTrie<V> {
  private static final int BITS = 5;
  private static final int MASK = (1 << BITS) - 1;
  private static final HashTrie<?> EMPTY = new HashTrie<>(new Branch(0, new Object[0]), 0);

  private final Branch root;
  private final int size;

  private HashTrie(Branch root, int size) {
    this.root = root;
    this.size = size;
  }

  @SuppressWarnings("unchecked")
  static <V> HashTrie<V> empty() {
    return (HashTrie<V>) EMPTY;
  }

  int size() {
    return size;
  }

  /** The value of {@code key}, or null. */
  @SuppressWarnings("unchecked")
  V get(String key) {
    int hash = key.hashCode();
    Object node = root;
    // Trie nodes are told apart with instanceof, not pattern switches: each switch site over types spins a class at
    // its first use, which no start-up cache holds (bench/RESULTS.md), and every build looks variables up.
    for (int shift = 0; ; shift += BITS) {
      if (node instanceof Branch b) {
        int bit = 1 << ((hash >>> shift) & MASK);
        if ((b.bitmap & bit) == 0) return null;
        node = b.children[b.index(bit)];
      } else if (node instanceof Leaf l) {
        return l.key.equals(key) ? (V) l.value : null;
      } else {
        for (Leaf l : ((Collision) node).leaves) if (l.key.equals(key)) return (V) l.value;
        return null;
      }
    }
  }

  /** This map with {@code key} set to {@code value}. */
  HashTrie<V> with(String key, V value) {
    boolean added = get(key) == null;
    Leaf leaf = new Leaf(key.hashCode(), key, value);
    return new HashTrie<>((Branch) put(root, leaf, 0), added ? size + 1 : size);
  }

  /** Calls {@code action} for every entry. */
  @SuppressWarnings("unchecked")
  void forEach(BiConsumer<String, V> action) {
    visit(root, (Leaf l) -> action.accept(l.key, (V) l.value));
  }

  private static Object put(Object node, Leaf leaf, int shift) {
    if (node instanceof Branch b) {
      int bit = 1 << ((leaf.hash >>> shift) & MASK);
      int i = b.index(bit);
      if ((b.bitmap & bit) == 0) return b.inserted(bit, i, leaf);
      return b.replaced(i, put(b.children[i], leaf, shift + BITS));
    }
    if (node instanceof Leaf l) {
      if (l.key.equals(leaf.key)) return leaf;
      if (l.hash == leaf.hash) return new Collision(l.hash, new Leaf[] {l, leaf});
      return split(l, l.hash, leaf, shift);
    }
    Collision c = (Collision) node;
    return c.hash == leaf.hash ? c.with(leaf) : split(c, c.hash, leaf, shift);
  }

  /** A branch holding {@code existing} and {@code leaf}, whose hashes differ. */
  private static Object split(Object existing, int existingHash, Leaf leaf, int shift) {
    Branch b = new Branch(1 << ((existingHash >>> shift) & MASK), new Object[] {existing});
    return put(b, leaf, shift);
  }

  private static void visit(Object node, Consumer<Leaf> action) {
    if (node instanceof Branch b) {
      for (Object child : b.children) visit(child, action);
    } else if (node instanceof Leaf l) {
      action.accept(l);
    } else {
      for (Leaf l : ((Collision) node).leaves) action.accept(l);
    }
  }

  private record Leaf(int hash, String key, Object value) {}

  /** Leaves whose keys differ but whose hashes are equal. */
  private record Collision(int hash, Leaf[] leaves) {
    Collision with(Leaf leaf) {
      for (int i = 0; i < leaves.length; i++) {
        if (leaves[i].key.equals(leaf.key)) {
          Leaf[] copy = leaves.clone();
          copy[i] = leaf;
          return new Collision(hash, copy);
        }
      }
      Leaf[] grown = Arrays.copyOf(leaves, leaves.length + 1);
      grown[leaves.length] = leaf;
      return new Collision(hash, grown);
    }
  }

  /** The children present, in slot order; {@code bitmap} says which of the 32 slots they fill. */
  private record Branch(int bitmap, Object[] children) {
    int index(int bit) {
      return Integer.bitCount(bitmap & (bit - 1));
    }

    Branch inserted(int bit, int i, Object child) {
      Object[] grown = new Object[children.length + 1];
      System.arraycopy(children, 0, grown, 0, i);
      grown[i] = child;
      System.arraycopy(children, i, grown, i + 1, children.length - i);
      return new Branch(bitmap | bit, grown);
    }

    Branch replaced(int i, Object child) {
      Object[] copy = children.clone();
      copy[i] = child;
      return new Branch(bitmap, copy);
    }
  }
}
