// EvidencePanel: the evidence dock of the main window (issue #4 §6) — the card of the last glyph,
// target, drug or preset the user clicked (evidenceHtml), or a short "how to use" note before the
// first click. Owned by the main window; GUI thread only.
#pragma once

#include <QString>
#include <QWidget>

class QTextBrowser;

namespace ferroscope::core {
struct Project;
}

namespace ferroscope::ui {

class EvidencePanel : public QWidget {
    Q_OBJECT
public:
    explicit EvidencePanel(const core::Project &project, QWidget *parent = nullptr);

    /// Shows the card of a project id; unknown ids leave the current card in place.
    void showEvidence(const QString &id);
    void showWelcome();
    QString currentId() const { return m_id; }
    QString html() const;

private:
    const core::Project &m_project;
    QTextBrowser *m_browser = nullptr;
    QString m_id;
};

}  // namespace ferroscope::ui
