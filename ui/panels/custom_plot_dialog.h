// CustomPlotDialog: lets the user pick any species and readouts of the project for a new plot
// panel (issue #4 §4 "user-choosable species/readouts"). Owned by the main window; GUI thread.
#pragma once

#include "core/model/project.h"

#include <QDialog>
#include <QStringList>

class QLineEdit;
class QListWidget;

namespace ferroscope::ui {

class CustomPlotDialog : public QDialog {
    Q_OBJECT
public:
    explicit CustomPlotDialog(const core::Project &project, QWidget *parent = nullptr);
    QStringList selectedIds() const;
    QString title() const;

private:
    void updateOk();
    QListWidget *m_list = nullptr;
    QLineEdit *m_title = nullptr;
    class QPushButton *m_ok = nullptr;
};

}  // namespace ferroscope::ui
