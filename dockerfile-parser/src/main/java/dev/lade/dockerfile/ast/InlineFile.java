package dev.lade.dockerfile.ast;

/**
 * A COPY or ADD source given as a heredoc, e.g. {@code COPY <<EOF /etc/motd}.
 *
 * @param path the file name: the heredoc's delimiter, e.g. {@code EOF}
 * @param content the heredoc body (leading tabs already removed for {@code <<-})
 * @param expand whether variables in the body are expanded: false when the delimiter was quoted
 */
public record InlineFile(String path, String content, boolean expand) {}
