package dev.dialtone.runbooks;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** The words of a Markdown node without its markup, for titles and heading anchors. */
final class MarkdownText {

    private MarkdownText() {
    }

    static String of(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softLineBreak) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak hardLineBreak) {
                text.append(' ');
            }
        });
        return text.toString().strip();
    }
}
